using System.Net;
using System.Text.RegularExpressions;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Jobs.Domain.Postings;
using Marketplace.Jobs.Infrastructure.Persistence;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.Postings;

/// <summary>
/// The employer's pages through HTTP: a posting written with skills as people type them, drafted, then published; an
/// unknown skill named next to its row with nothing stored; the Markdown description rendered without script; another
/// company's posting out of reach; and the visitor's search page finding it as people type.
/// </summary>
public sealed partial class EmployerPostingPagesTests(MarketplaceFixture fixture) : IClassFixture<MarketplaceFixture>
{
    private static int _employers;

    [Fact]
    public async Task An_employer_drafts_with_aliases_publishes_and_a_visitor_finds_it_as_they_type()
    {
        var employer = await EmployerAsync();
        var form = NewPosting("Senior Platform Engineer (pages)", "Kube Works", ("k8s", "true", "true"), ("postgres", "false", "false"));
        form["Input.Description"] = "We run **Kubernetes** for banks.\n\n<script>alert('x')</script>\n\n- on-call: one week in six";
        var saved = await PostAsync(employer, "/Employer/Postings/New", "Save", form);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        var list = await employer.GetStringAsync("/Employer/Postings");
        list.ShouldContain("Senior Platform Engineer (pages)");
        list.ShouldContain("is saved as a draft");
        var id = await PostingIdAsync("Senior Platform Engineer (pages)");
        var stored = await StoredAsync(id);
        stored.Status.ShouldBe(PostingStatus.Draft);
        stored.Company.ShouldBe("Kube Works");
        stored.Skills.Select(s => (s.SkillId, s.Required, s.Dealbreaker)).OrderBy(s => s.SkillId)
            .ShouldBe([("kubernetes", true, true), ("postgresql", false, false)]);

        using (var anonymous = fixture.App.CreateClient())
        {
            (await anonymous.GetAsync($"/Jobs/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var edit = await employer.GetStringAsync($"/Employer/Postings/{id}/Edit");
        edit.ShouldContain("Kubernetes");
        var published = await PostAsync(employer, $"/Employer/Postings/{id}/Edit", "Publish", FormFields(edit));
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect, await published.Content.ReadAsStringAsync());
        (await StoredAsync(id)).Status.ShouldBe(PostingStatus.Published);
        var managed = await employer.GetStringAsync("/Employer/Postings");
        managed.ShouldContain("Published");
        ApplicantsCell().Match(managed).Groups[1].Value.Trim().ShouldBe("0");

        using var visitor = fixture.App.CreateClient();
        var search = await visitor.GetStringAsync("/Jobs?q=" + Uri.EscapeDataString("k8s remote senior"));
        search.ShouldContain($"/Jobs/{id}");
        var details = await visitor.GetStringAsync($"/Jobs/{id}");
        details.ShouldContain("<strong>Kubernetes</strong>");
        details.ShouldContain("<li>on-call: one week in six</li>");
        details.ShouldNotContain("<script>alert");
        details.ShouldContain("Kube Works");
    }

    [Fact]
    public async Task An_unknown_skill_is_named_next_to_its_row_and_nothing_is_stored()
    {
        var employer = await EmployerAsync();
        var form = NewPosting("Backend engineer (unknown skill)", "Unknown Skills Ltd", ("C#", "true", "false"), ("frobnicator 3000", "true", "false"));
        var refused = await PostAsync(employer, "/Employer/Postings/New", "Publish", form);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("frobnicator 3000");
        Regex.IsMatch(page, "data-valmsg-for=\"Input.Skills\\[1\\].Skill\"[^>]*>[^<]*frobnicator 3000").ShouldBeTrue(page);
        (await fixture.App.InScopeAsync(s => s.GetRequiredService<JobsDbContext>().Postings.CountAsync(p => p.Title == "Backend engineer (unknown skill)"))).ShouldBe(0);
    }

    [Fact]
    public async Task Another_company_cannot_open_or_change_a_posting()
    {
        var owner = await EmployerAsync();
        (await PostAsync(owner, "/Employer/Postings/New", "Publish", NewPosting("Owner's engineer", "Owner Co", ("Go", "true", "false")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await PostingIdAsync("Owner's engineer");
        var edit = await owner.GetStringAsync($"/Employer/Postings/{id}/Edit");

        var other = await EmployerAsync();
        (await other.GetAsync($"/Employer/Postings/{id}/Edit")).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        (await other.GetStringAsync("/Employer/Postings")).ShouldNotContain("Owner's engineer");
        var fields = FormFields(edit);
        fields["Input.Title"] = "Taken over";
        var changed = await PostAsync(other, $"/Employer/Postings/{id}/Edit", "Save", fields, tokenFrom: "/Employer/Postings/New");
        changed.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        (await StoredAsync(id)).Title.ShouldBe("Owner's engineer");
    }

    private async Task<HttpClient> EmployerAsync()
    {
        var email = $"pages.employer.{Interlocked.Increment(ref _employers)}@example.com";
        await fixture.App.CreateAccountAsync(email, Roles.Employer);
        var browser = ApiAccess.Browser(fixture.App);
        await ApiAccess.SignInAsync(browser, email);
        return browser;
    }

    /// <summary>The New form as filled in by an employer without a company page (so they name the company).</summary>
    private static Dictionary<string, string> NewPosting(string title, string company, params (string Skill, string Required, string Dealbreaker)[] skills)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Company"] = company,
            ["Input.Description"] = "Build and run the APIs.",
            ["Input.Seniority"] = "Senior",
            ["Input.WorkMode"] = "Remote",
            ["Input.AcceptedCountries"] = "DE, NL",
            ["Input.Salary.Min"] = "80000",
            ["Input.Salary.Max"] = "100000",
            ["Input.Salary.Currency"] = "EUR",
            ["Input.Salary.Period"] = "Year",
        };
        for (var i = 0; i < skills.Length; i++)
        {
            form[$"Input.Skills[{i}].Skill"] = skills[i].Skill;
            form[$"Input.Skills[{i}].Required"] = skills[i].Required;
            form[$"Input.Skills[{i}].MinLevel"] = "3";
            form[$"Input.Skills[{i}].Weight"] = "8";
            form[$"Input.Skills[{i}].Dealbreaker"] = skills[i].Dealbreaker;
        }

        return form;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, string handler, Dictionary<string, string> form, string? tokenFrom = null)
    {
        var page = await browser.GetStringAsync(tokenFrom ?? path);
        var fields = new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = Antiforgery().Match(page).Groups[1].Value };
        return await browser.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    /// <summary>The inputs of a rendered form as a browser would send them (checked boxes only, the selected option).</summary>
    private static Dictionary<string, string> FormFields(string html)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match input in Input().Matches(html))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            if (name is null || name == "__RequestVerificationToken" || Attribute(tag, "type") is "submit")
            {
                continue;
            }

            if (Attribute(tag, "type") is "checkbox" or "radio")
            {
                if (tag.Contains(" checked", StringComparison.Ordinal))
                {
                    fields[name] = Attribute(tag, "value") ?? "on";
                }

                continue;
            }

            fields.TryAdd(name, WebUtility.HtmlDecode(Attribute(tag, "value") ?? ""));
        }

        foreach (Match select in Select().Matches(html))
        {
            var selected = Selected().Match(select.Groups[2].Value);
            var value = selected.Groups[1].Success ? selected.Groups[1].Value : selected.Groups[2].Value;
            fields[select.Groups[1].Value] = WebUtility.HtmlDecode(value);
        }

        foreach (Match area in TextArea().Matches(html))
        {
            fields[area.Groups[1].Value] = WebUtility.HtmlDecode(area.Groups[2].Value).TrimStart('\n');
        }

        return fields;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value : null;
    }

    private Task<Guid> PostingIdAsync(string title) => fixture.App.InScopeAsync(s =>
        s.GetRequiredService<JobsDbContext>().Postings.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());

    private Task<JobPosting> StoredAsync(Guid id) => fixture.App.InScopeAsync(s =>
        s.GetRequiredService<JobsDbContext>().Postings.AsNoTracking().SingleAsync(p => p.Id == id));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("<select\\b[^>]*\\sname=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<option\\b[^>]*\\sselected=\"selected\"[^>]*\\svalue=\"([^\"]*)\"|<option\\b[^>]*\\svalue=\"([^\"]*)\"[^>]*\\sselected=\"selected\"")]
    private static partial Regex Selected();

    [GeneratedRegex("<textarea\\b[^>]*\\sname=\"([^\"]+)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();

    [GeneratedRegex("data-label=\"Applicants\" class=\"number\">([^<]*)<")]
    private static partial Regex ApplicantsCell();
}
