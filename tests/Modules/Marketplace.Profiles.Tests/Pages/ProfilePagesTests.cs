using System.Net;
using AngleSharp.Html.Dom;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Profiles.Application.Import;
using Marketplace.Profiles.Tests.Fixtures;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Profiles.Tests.Pages;

[Collection(ProfilesCollection.Name)]
public sealed class ProfilePagesTests(ProfilesFixture fixture)
{
    private MarketplaceApp App => fixture.App;

    private static string? Text(IHtmlDocument page, string testId) => page.QuerySelector($"[data-testid={testId}]")?.TextContent.Trim();

    private static async Task<IHtmlDocument> FollowAsync(Person person, HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await person.PageAsync(response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/Profile")]
    [InlineData("/Profile/Edit")]
    [InlineData("/Profile/Import")]
    public async Task The_pages_are_for_job_seekers_only(string url)
    {
        using var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        using var employer = await Person.SignInAsync(App, Roles.Employer);
        using var admin = await Person.SignInAsync(App, Roles.Admin);

        var signIn = await anonymous.GetAsync(url);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
        (await employer.Browser.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.Browser.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_new_seeker_sees_an_empty_profile_with_the_first_step_and_the_header_links_to_it()
    {
        using var seeker = await Person.SignInAsync(App);

        var page = await seeker.PageAsync("/Profile");

        Text(page, "completeness-percent").ShouldBe("0 %");
        Text(page, "next-step").ShouldBe("Add at least 5 skills");
        page.QuerySelector("[data-testid=profile-link]")!.GetAttribute("href").ShouldBe("/Profile");
        page.QuerySelector("svg.meter title")!.TextContent.ShouldBe("Your profile is 0 % complete");
        using var employer = await Person.SignInAsync(App, Roles.Employer);
        (await employer.PageAsync("/")).QuerySelector("[data-testid=profile-link]").ShouldBeNull();
    }

    [Fact]
    public async Task About_you_is_saved_and_its_markdown_shown_sanitized()
    {
        using var seeker = await Person.SignInAsync(App);
        var edit = await seeker.PageAsync("/Profile/Edit");

        var saved = await FollowAsync(seeker, await seeker.SubmitAsync(edit, "About", new Dictionary<string, string?>
        {
            ["About.DisplayName"] = "Ada Example",
            ["About.Headline"] = "Engineer for **payments** <script>alert(1)</script>",
            ["About.Summary"] = "I build [ledgers](javascript:alert(1)) and *APIs*.\n\n- C#\n- PostgreSQL",
        }));
        Text(saved, "notice").ShouldBe("Saved.");

        var profile = await seeker.PageAsync("/Profile");
        Text(profile, "display-name").ShouldBe("Ada Example");
        var headline = profile.QuerySelector("[data-testid=headline]")!;
        headline.QuerySelector("strong")!.TextContent.ShouldBe("payments");
        headline.InnerHtml.ShouldNotContain("<script");
        var summary = profile.QuerySelector("[data-testid=summary]")!;
        summary.QuerySelectorAll("li").Select(li => li.TextContent).ShouldBe(["C#", "PostgreSQL"]);
        summary.InnerHtml.ShouldNotContain("javascript:");
    }

    [Fact]
    public async Task Typing_a_name_a_person_would_use_adds_the_canonical_skill()
    {
        using var seeker = await Person.SignInAsync(App);

        var added = await FollowAsync(seeker, await seeker.SubmitAsync(await seeker.PageAsync("/Profile/Edit"), "AddSkill",
            new Dictionary<string, string?> { ["NewSkill.Name"] = "postgres", ["NewSkill.Level"] = "4", ["NewSkill.Years"] = "6,5" }));

        Text(added, "notice").ShouldBe("Added PostgreSQL (you typed “postgres”).");
        var row = added.QuerySelector("[data-testid=skills-form] fieldset[data-skill-id=postgresql]")!;
        ((IHtmlSelectElement)row.QuerySelector("select")!).Value.ShouldBe("4");
        ((IHtmlInputElement)row.QuerySelector("input[name$='.Years']")!).Value.ShouldBe("6.5");
    }

    [Fact]
    public async Task Without_a_script_an_uncertain_name_offers_suggestions_to_pick_from()
    {
        using var seeker = await Person.SignInAsync(App);

        var offered = await Person.ParseAsync(await seeker.SubmitAsync(await seeker.PageAsync("/Profile/Edit"), "AddSkill",
            new Dictionary<string, string?> { ["NewSkill.Name"] = "kube" + "rn" }));

        var buttons = offered.QuerySelectorAll("[data-testid=suggestions] button[name='NewSkill.PickedId']").ToList();
        buttons.Select(b => b.GetAttribute("value")).ShouldContain("kubernetes");
        var picked = await FollowAsync(seeker, await seeker.SubmitAsync(offered, "AddSkill", button: "NewSkill.PickedId=kubernetes"));
        picked.QuerySelector("[data-testid=skills-form] fieldset[data-skill-id=kubernetes]").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_name_the_taxonomy_does_not_know_is_kept_as_written_and_marked()
    {
        using var seeker = await Person.SignInAsync(App);

        var offered = await Person.ParseAsync(await seeker.SubmitAsync(await seeker.PageAsync("/Profile/Edit"), "AddSkill",
            new Dictionary<string, string?> { ["NewSkill.Name"] = "Qwzx Ledger Studio" }));
        Text(offered, "suggestions")!.ShouldContain("We do not know “Qwzx Ledger Studio” as a skill.");
        await FollowAsync(seeker, await seeker.SubmitAsync(offered, "AddSkill", button: "NewSkill.KeepAsWritten=true"));

        var profile = await seeker.PageAsync("/Profile");
        var skill = profile.QuerySelector("[data-testid=skills] li.unrecognised")!;
        skill.QuerySelector(".skill-name")!.TextContent.ShouldBe("Qwzx Ledger Studio");
        skill.QuerySelector(".badge")!.TextContent.ShouldBe("unrecognised");
    }

    [Fact]
    public async Task Skills_are_corrected_and_removed_and_a_bad_number_is_named_next_to_its_field()
    {
        using var seeker = await Person.SignInAsync(App);
        var edit = await seeker.PageAsync("/Profile/Edit");
        foreach (var name in new[] { "C#", "Go", "Kafka" })
        {
            edit = await FollowAsync(seeker, await seeker.SubmitAsync(edit, "AddSkill", new Dictionary<string, string?> { ["NewSkill.Name"] = name }));
        }

        var refused = await Person.ParseAsync(await seeker.SubmitAsync(edit, "Skills", new Dictionary<string, string?> { ["Skills[1].Years"] = "lots" }));
        refused.QuerySelector("[data-valmsg-for='Skills[1].Years']")!.TextContent.ShouldBe("Enter years as a number, such as 3 or 2.5.");

        var saved = await FollowAsync(seeker, await seeker.SubmitAsync(edit, "Skills", new Dictionary<string, string?>
        {
            ["Skills[0].Level"] = "5",
            ["Skills[0].Years"] = "8",
            ["Skills[2].Remove"] = "true",
        }));

        Text(saved, "notice").ShouldBe("Saved. 1 skill removed.");
        var rows = saved.QuerySelectorAll("[data-testid=skills-form] fieldset").Select(f => f.GetAttribute("data-skill-id")).ToList();
        rows.ShouldBe(["csharp", "go"]);
        ((IHtmlSelectElement)saved.QuerySelector("fieldset[data-skill-id=csharp] select")!).Value.ShouldBe("5");
    }

    [Fact]
    public async Task Preferences_are_saved_and_bad_ones_named_next_to_their_fields()
    {
        using var seeker = await Person.SignInAsync(App);
        var edit = await seeker.PageAsync("/Profile/Edit");

        var refused = await Person.ParseAsync(await seeker.SubmitAsync(edit, "Preferences", new Dictionary<string, string?>
        {
            ["Preferences.Locations[0].City"] = "Lisbon",
            ["Preferences.SalaryAmount"] = "lots",
        }));
        refused.QuerySelector("[data-valmsg-for='Preferences.Locations[0].Country']")!.TextContent.ShouldBe("Choose the country this city is in.");
        refused.QuerySelector("[data-valmsg-for='Preferences.SalaryAmount']")!.TextContent.ShouldBe("Enter an amount, such as 65000.");

        var fields = Person.FormFields(edit.Forms.First(f => f.GetAttribute("action")!.Contains("handler=Preferences")));
        fields.RemoveAll(f => f.Key is "Preferences.Visibility" or "Preferences.WorkModes" or "Preferences.WillingToRelocate" or "Preferences.Seniority"
            or "Preferences.Locations[0].Country" or "Preferences.Locations[0].City" or "Preferences.SalaryAmount" or "Preferences.SalaryCurrency" or "Preferences.SalaryPeriod");
        fields.AddRange(
        [
            new("Preferences.Seniority", "Senior"), new("Preferences.WorkModes", "Remote"), new("Preferences.WorkModes", "Hybrid"),
            new("Preferences.Locations[0].Country", "PT"), new("Preferences.Locations[0].City", "Lisbon"), new("Preferences.WillingToRelocate", "true"),
            new("Preferences.SalaryAmount", "65,000"), new("Preferences.SalaryCurrency", "EUR"), new("Preferences.SalaryPeriod", "Year"),
            new("Preferences.Visibility", "Discoverable"),
        ]);
        var saved = await seeker.Browser.PostAsync("/Profile/Edit?handler=Preferences", new FormUrlEncodedContent(fields));
        await FollowAsync(seeker, saved);

        var profile = await seeker.PageAsync("/Profile");
        Text(profile, "visibility").ShouldBe("Discoverable");
        var facts = profile.QuerySelector("[data-testid=preferences]")!.TextContent;
        facts.ShouldContain("Senior");
        facts.ShouldContain("Remote, Hybrid");
        facts.ShouldContain("Lisbon, Portugal · open to relocating");
        facts.ShouldContain("65,000 EUR a year");
    }

    [Fact]
    public async Task A_form_read_before_another_change_is_refused_and_shows_the_latest()
    {
        using var seeker = await Person.SignInAsync(App);
        var firstTab = await seeker.PageAsync("/Profile/Edit");
        var secondTab = await seeker.PageAsync("/Profile/Edit");
        await FollowAsync(seeker, await seeker.SubmitAsync(firstTab, "About", new Dictionary<string, string?> { ["About.DisplayName"] = "First tab" }));

        var stale = await Person.ParseAsync(await seeker.SubmitAsync(secondTab, "About", new Dictionary<string, string?> { ["About.DisplayName"] = "Second tab" }));

        stale.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Your profile changed since you opened this page");
        ((IHtmlInputElement)stale.QuerySelector("input[name='About.DisplayName']")!).Value.ShouldBe("First tab");
        Text(await seeker.PageAsync("/Profile"), "display-name").ShouldBe("First tab");
    }

    [Fact]
    public async Task Pasted_cv_text_is_read_reviewed_and_stored_only_once_confirmed()
    {
        using var seeker = await Person.SignInAsync(App);
        var import = await seeker.PageAsync("/Profile/Import");

        var review = await Person.ParseAsync(await seeker.SubmitAsync(import, "Read", new Dictionary<string, string?>
        {
            ["PastedText"] = "Senior engineer, Contoso (2020 - present)\n- 5 years of Go and some Rust.\n- PostgreSQL every day.",
        }));

        Text(review, "found-count").ShouldBe("3");
        var go = review.QuerySelector("fieldset[data-skill-id=go]")!;
        go.QuerySelector(".evidence")!.TextContent.ShouldBe("5 years of Go and some Rust.");
        ((IHtmlInputElement)go.QuerySelector("input[name$='.Years']")!).Value.ShouldBe("5");
        ((IHtmlInputElement)go.QuerySelector("input[name$='.LastUsed']")!).Value.ShouldBe(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await App.WithProfilesDbAsync(db => db.CvDocuments.AnyAsync(c => c.Id == seeker.Id))).ShouldBeFalse();
        (await App.WithProfilesDbAsync(db => db.Profiles.AnyAsync(p => p.Id == seeker.Id))).ShouldBeFalse();

        var rustIndex = review.QuerySelectorAll("[data-testid=review-form] fieldset").ToList().FindIndex(f => f.GetAttribute("data-skill-id") == "rust");
        var profile = await FollowAsync(seeker, await seeker.SubmitAsync(review, "Confirm", new Dictionary<string, string?>
        {
            [$"Review.Skills[{rustIndex}].Include"] = null,
        }));

        Text(profile, "notice").ShouldBe("From your CV: 2 skills added.");
        profile.QuerySelectorAll("[data-testid=skills] li").Select(li => li.GetAttribute("data-skill-id")).ShouldBe(["go", "postgresql"], ignoreOrder: true);
        var cv = await App.WithProfilesDbAsync(db => db.CvDocuments.AsNoTracking().SingleAsync(c => c.Id == seeker.Id));
        cv.Text.ShouldContain("5 years of Go");
        cv.FileName.ShouldBeNull();
    }

    [Theory]
    [InlineData("cv.pdf")]
    [InlineData("cv.docx")]
    public async Task An_uploaded_pdf_or_docx_has_its_skills_found(string fileName)
    {
        using var seeker = await Person.SignInAsync(App);
        var content = fileName.EndsWith(".pdf", StringComparison.Ordinal) ? CvFiles.Pdf(CvFiles.KnownCvLines) : CvFiles.Docx(CvFiles.KnownCvLines);

        var review = await Person.ParseAsync(await seeker.UploadAsync(await seeker.PageAsync("/Profile/Import"), "Read", fileName, content));

        review.QuerySelectorAll("[data-testid=review-form] fieldset").Select(f => f.GetAttribute("data-skill-id"))
            .ShouldBe(["backend-development", "go", "postgresql", "kubernetes", "kafka"], ignoreOrder: true);
        ((IHtmlInputElement)review.QuerySelector("fieldset[data-skill-id=go] input[name$='.Years']")!).Value.ShouldBe("5");
        var profile = await FollowAsync(seeker, await seeker.SubmitAsync(review, "Confirm"));
        Text(profile, "notice").ShouldBe("From your CV: 5 skills added.");
        (await App.WithProfilesDbAsync(db => db.CvDocuments.AsNoTracking().SingleAsync(c => c.Id == seeker.Id))).FileName.ShouldBe(fileName);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_gets_a_message_on_the_page()
    {
        using var seeker = await Person.SignInAsync(App);
        var import = await seeker.PageAsync("/Profile/Import");

        var scan = await Person.ParseAsync(await seeker.UploadAsync(import, "Read", "scan.pdf", CvFiles.ImageOnlyPdf()));
        scan.QuerySelector("[data-valmsg-for=Upload]")!.TextContent.ShouldContain("only images");

        var big = await Person.ParseAsync(await seeker.UploadAsync(import, "Read", "big.pdf", new byte[(5 * 1024 * 1024) + 1]));
        big.QuerySelector("[data-valmsg-for=Upload]")!.TextContent.ShouldContain("larger than 5 MB");

        var nothing = await Person.ParseAsync(await seeker.SubmitAsync(import, "Read"));
        nothing.QuerySelector("[data-valmsg-for=Upload]")!.TextContent.ShouldContain("Choose a PDF");
    }

    [Fact]
    public async Task A_seeker_who_fills_every_part_reaches_100_percent()
    {
        using var seeker = await Person.SignInAsync(App);
        using var api = await seeker.ApiAsync();
        var body = new
        {
            version = 0,
            displayName = "Ada",
            headline = "Backend engineer",
            summary = "Payments.",
            skills = new object[]
            {
                new { skillId = "csharp", level = 4, years = 6 }, new { skillId = "go", level = 3, years = 2 },
                new { skillId = "postgresql", level = 3, years = 4 }, new { skillId = "docker", level = 3 }, new { skillId = "kafka", level = 2 },
            },
            preferences = new { seniority = "Senior", workModes = new[] { "Remote" }, minimumSalary = new { amount = 60000, currency = "EUR", period = "Year" } },
        };
        (await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(api, "/api/v1/me/profile", body)).EnsureSuccessStatusCode();

        var page = await seeker.PageAsync("/Profile");

        Text(page, "completeness-percent").ShouldBe("100 %");
        page.QuerySelector("[data-testid=profile-complete]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=next-step]").ShouldBeNull();
    }

    [Fact]
    public async Task Reading_cvs_is_limited_per_seeker_with_a_message_on_the_page()
    {
        using var seeker = await Person.SignInAsync(App);
        var import = await seeker.PageAsync("/Profile/Import");
        var fields = new Dictionary<string, string?> { ["PastedText"] = "C# and Go." };
        for (var i = 0; i < ICvReadingQuota.PerWindow; i++)
        {
            (await Person.ParseAsync(await seeker.SubmitAsync(import, "Read", fields))).QuerySelector("[data-testid=review-form]").ShouldNotBeNull();
        }

        var refused = await Person.ParseAsync(await seeker.SubmitAsync(import, "Read", fields));

        refused.QuerySelector("[data-valmsg-for=Upload]")!.TextContent.ShouldContain("Wait a few minutes");
        using var other = await Person.SignInAsync(App);
        (await Person.ParseAsync(await other.SubmitAsync(await other.PageAsync("/Profile/Import"), "Read", fields)))
            .QuerySelector("[data-testid=review-form]").ShouldNotBeNull();
    }
}
