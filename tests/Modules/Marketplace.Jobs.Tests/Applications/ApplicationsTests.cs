using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Jobs.Domain.Applications;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.Applications;

/// <summary>Applying, following and the company's pipeline, through the pages and the API of a real host on PostgreSQL.</summary>
public sealed class ApplicationsTests(ApplicationsFixture fixture) : IClassFixture<ApplicationsFixture>
{
    [Fact]
    public async Task A_seeker_applies_the_company_reads_the_snapshot_and_moves_it_and_each_step_is_mailed_once()
    {
        var posting = await fixture.PublishAsync();
        using var seeker = await fixture.SeekerAsync("seeker.applies@example.com");
        // Matching hears of the profile and the posting through the outbox; the application keeps its explanation.
        await fixture.App.WaitForBackgroundWorkAsync();

        var applied = await ApplyAsync(seeker, posting, "I built ledgers in Go for five years.");
        applied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        applied.Headers.Location!.OriginalString.ShouldBe("/Applications");
        // A later change of the profile does not change what the company received.
        (await seeker.Api.PutAsJsonAsync("/api/v1/me/profile", new { version = 1, displayName = "Renamed Later" })).EnsureSuccessStatusCode();

        var applicant = (await fixture.PipelineAsync(posting)).GetProperty("applicants").EnumerateArray().ShouldHaveSingleItem();
        applicant.GetProperty("applicantName").GetString().ShouldBe("Ada Example");
        applicant.GetProperty("coverNote").GetString().ShouldBe("I built ledgers in Go for five years.");
        applicant.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("skillId").GetString()).ShouldBe(["go", "postgresql"]);
        applicant.GetProperty("stage").GetString().ShouldBe("Applied");
        applicant.GetProperty("match").GetProperty("score").GetDecimal().ShouldBeGreaterThan(0);
        var id = applicant.GetProperty("id").GetGuid();

        var screening = await MoveAsync(posting, id, new { stage = "Screening", version = 1 });
        screening.StatusCode.ShouldBe(HttpStatusCode.OK);
        var moved = await screening.Content.ReadFromJsonAsync<JsonElement>();
        (moved.GetProperty("stage").GetString(), moved.GetProperty("version").GetInt32()).ShouldBe(("Screening", 2));
        moved.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()).ShouldBe(["Applied", "Screening"]);

        (await (await MoveAsync(posting, id, new { stage = "Interview", version = 1 })).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("application.stale_version");
        (await (await MoveAsync(posting, id, new { stage = "Hired", version = 2 })).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("Make an offer before you hire");
        (await (await MoveAsync(posting, id, new { stage = "Rejected", version = 2 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .ErrorFields().ShouldBe(["reason"]);
        (await (await MoveAsync(posting, id, new { stage = "Withdrawn" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .ErrorFields().ShouldBe(["stage"]);

        var mails = await fixture.MailsToAsync(seeker.Email, 2);
        mails.Select(m => m.Subject).ShouldBe(
            ["Your application to Senior Go engineer at Northwind", "Senior Go engineer at Northwind: Screening: the company is reading your application"],
            ignoreOrder: true);
        mails.Single(m => (m.Subject ?? "").Contains("Screening")).TextBody!.ShouldContain("/Applications");
        (await fixture.EventsAboutAsync(id)).ShouldBe(["application-submitted", "application-stage-changed"]);
    }

    [Fact]
    public async Task Applying_twice_or_to_a_closed_posting_is_refused_with_a_message_and_stores_nothing()
    {
        var posting = await fixture.PublishAsync("Platform engineer");
        using var seeker = await fixture.SeekerAsync("seeker.twice@example.com");
        (await ApplyAsync(seeker, posting, null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var again = await ApplyAsync(seeker, posting, "Once more");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldContain("You applied to this posting on");

        var closed = await fixture.PublishAsync("Closed role");
        (await fixture.Employer.PostAsJsonAsync($"/api/v1/postings/{closed}/close", new { reason = "Filled" })).EnsureSuccessStatusCode();
        var late = await ApplyAsync(seeker, closed, "Too late?");
        late.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await late.Content.ReadAsStringAsync()).ShouldContain("no longer takes applications");

        var tooLong = await ApplyAsync(seeker, await fixture.PublishAsync("Long note role"), new string('x', JobApplication.MaxCoverNoteLength + 1));
        tooLong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await tooLong.Content.ReadAsStringAsync()).ShouldContain("A cover note has at most 5,000 characters.");

        (await fixture.AnyApplicationAsync(a => a.ApplicantId == seeker.Id && a.PostingId != posting)).ShouldBeFalse();
        (await fixture.PipelineAsync(posting)).GetProperty("total").GetInt32().ShouldBe(1);
        (await seeker.Browser.GetAsync($"/Jobs/{Guid.NewGuid()}/Apply")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Nobody_but_the_company_reads_or_moves_its_applicants()
    {
        var posting = await fixture.PublishAsync("Private pipeline");
        using var seeker = await fixture.SeekerAsync("seeker.private@example.com");
        await ApplyAsync(seeker, posting, "Private cover note");
        var id = (await fixture.PipelineAsync(posting)).GetProperty("applicants")[0].GetProperty("id").GetGuid();

        using var otherCompany = await fixture.App.CreateEmployerClientAsync("other.company@example.com");
        (await otherCompany.GetAsync($"/api/v1/postings/{posting}/applications")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherCompany.PostAsJsonAsync($"/api/v1/postings/{posting}/applications/{id}/stage", new { stage = "Interview" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var admin = fixture.App.CreateAdminClient();
        (await admin.GetAsync($"/api/v1/postings/{posting}/applications")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await seeker.Api.GetAsync($"/api/v1/postings/{posting}/applications")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var readOnly = fixture.App.CreateClient();
        readOnly.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.App.EmployerTokenWithScopesAsync("applications:read"));
        (await readOnly.GetAsync($"/api/v1/postings/{posting}/applications")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await readOnly.PostAsJsonAsync($"/api/v1/postings/{posting}/applications/{id}/stage", new { stage = "Interview" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var otherBrowser = await fixture.EmployerBrowserAsync("other.company@example.com");
        (await otherBrowser.GetAsync($"/Employer/Postings/{posting}/Applicants")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherBrowser.GetAsync($"/Employer/Postings/{posting}/Applicants/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var seekerPage = await seeker.Browser.GetAsync($"/Employer/Postings/{posting}/Applicants");
        seekerPage.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await seekerPage.Content.ReadAsStringAsync()).ShouldNotContain("Private cover note");

        using var second = await fixture.SeekerAsync("seeker.nosy@example.com");
        var withdraw = await ApiAccess.SubmitFormAsync(second.Browser, "/Applications", "Withdraw", new Dictionary<string, string> { ["ApplicationId"] = id.ToString() });
        withdraw.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await second.Browser.GetStringAsync("/Applications")).ShouldNotContain("Private pipeline");
        (await fixture.PipelineAsync(posting)).GetProperty("applicants")[0].GetProperty("stage").GetString().ShouldBe("Applied");
    }

    [Fact]
    public async Task The_company_notes_and_moves_many_at_once_and_the_seeker_sees_stage_and_reason_but_never_the_note()
    {
        var posting = await fixture.PublishAsync("Team of three");
        var seekers = new List<Seeker>();
        for (var i = 0; i < 3; i++)
        {
            var seeker = await fixture.SeekerAsync($"seeker.bulk{i}@example.com", $"Bulk {i}");
            seekers.Add(seeker);
            await ApplyAsync(seeker, posting, null);
        }

        using var employer = await fixture.EmployerBrowserAsync();
        var pipeline = $"/Employer/Postings/{posting}/Applicants";
        var applicants = (await fixture.PipelineAsync(posting)).GetProperty("applicants").EnumerateArray().ToList();
        applicants.Select(a => a.GetProperty("applicantName").GetString()).ShouldBe(["Bulk 0", "Bulk 1", "Bulk 2"]);
        string Pick(JsonElement a) => $"{a.GetProperty("id").GetGuid()}:{a.GetProperty("version").GetInt32()}";
        var first = applicants[0].GetProperty("id").GetGuid();

        var note = await ApiAccess.SubmitFormAsync(employer, $"{pipeline}/{first}", "Note", new Dictionary<string, string> { ["NoteText"] = "Salary expectations too high" });
        note.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await employer.GetStringAsync($"{pipeline}/{first}")).ShouldContain("Salary expectations too high");
        // The note is a change: the list is read again for the versions the moves send.
        applicants = (await fixture.PipelineAsync(posting)).GetProperty("applicants").EnumerateArray().ToList();
        applicants[0].GetProperty("notes").EnumerateArray().ShouldHaveSingleItem();

        // Two at once to Interview, then a rejection of the first with the company's first template.
        var interview = await PostFormAsync(employer, pipeline, "Move", [("Move.Selected", Pick(applicants[0])), ("Move.Selected", Pick(applicants[1])), ("Move.Stage", "Interview")]);
        interview.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await employer.GetStringAsync(pipeline)).ShouldContain("Moved 2 applicants to Interview.");
        var filtered = await employer.GetStringAsync($"{pipeline}?stage=Interview");
        filtered.ShouldContain("Bulk 0");
        filtered.ShouldNotContain("Bulk 2");

        var noReason = await PostFormAsync(employer, $"{pipeline}/{first}", "Move", [("Move.Selected", $"{first}:3"), ("Move.Stage", "Rejected")]);
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Choose the reason the applicant will read.");
        var template = RejectionTemplates.Defaults[0].Text;
        var rejected = await PostFormAsync(employer, $"{pipeline}/{first}", "Move", [("Move.Selected", $"{first}:3"), ("Move.Stage", "Rejected"), ("Move.Template", template)]);
        rejected.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var seen = await seekers[0].Browser.GetStringAsync("/Applications");
        seen.ShouldContain("Not selected");
        seen.ShouldContain(System.Net.WebUtility.HtmlEncode(template));
        seen.ShouldNotContain("Salary expectations");
        var mails = await fixture.MailsToAsync(seekers[0].Email, 3);
        mails.Single(m => (m.Subject ?? "").Contains("Not selected")).TextBody!.ShouldContain(template);
        mails.ShouldAllBe(m => !(m.TextBody ?? "").Contains("Salary expectations"));
        (await fixture.MailsToAsync(seekers[2].Email, 1)).Count.ShouldBe(1);
        seekers.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task A_company_edits_its_rejection_reasons_and_a_bad_row_is_named()
    {
        using var employer = await fixture.EmployerBrowserAsync("reasons.employer@example.com");

        var bad = await ApiAccess.SubmitFormAsync(employer, "/Employer/RejectionReasons", "", new Dictionary<string, string> { ["Templates[0].Title"] = "Only a title" });
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("A reason needs a text");

        var saved = await ApiAccess.SubmitFormAsync(employer, "/Employer/RejectionReasons", "", new Dictionary<string, string>
        {
            ["Templates[0].Title"] = "Timing",
            ["Templates[0].Text"] = "We are pausing hiring for this team.",
            ["Templates[1].Title"] = "",
            ["Templates[1].Text"] = "",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await employer.GetStringAsync("/Employer/RejectionReasons");
        page.ShouldContain("We are pausing hiring for this team.");
        page.ShouldNotContain(RejectionTemplates.Defaults[0].Text);
    }

    [Fact]
    public async Task A_seeker_withdraws_downloads_their_applications_and_after_deleting_the_account_the_company_keeps_a_deleted_applicant()
    {
        var posting = await fixture.PublishAsync("Withdrawn role");
        using var seeker = await fixture.SeekerAsync("seeker.leaves@example.com", "Leaving Person");
        await ApplyAsync(seeker, posting, "Cover note to forget");
        var id = (await fixture.PipelineAsync(posting)).GetProperty("applicants")[0].GetProperty("id").GetGuid();

        var withdrawn = await ApiAccess.SubmitFormAsync(seeker.Browser, "/Applications", "Withdraw", new Dictionary<string, string> { ["ApplicationId"] = id.ToString() });
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await seeker.Browser.GetStringAsync("/Applications");
        list.ShouldContain("Withdrawn by you");
        list.ShouldNotContain("Withdraw this application");
        (await fixture.PipelineAsync(posting)).GetProperty("applicants")[0].GetProperty("stage").GetString().ShouldBe("Withdrawn");
        (await fixture.EventsAboutAsync(id)).ShouldBe(["application-submitted", "application-withdrawn"]);

        var download = await seeker.Browser.GetStringAsync("/Account/Manage/PersonalData?handler=Download");
        var applications = JsonDocument.Parse(download).RootElement.EnumerateObject().Single(p => p.Name.Equals("applications", StringComparison.OrdinalIgnoreCase)).Value;
        applications[0].GetProperty("coverNote").GetString().ShouldBe("Cover note to forget");
        applications[0].GetProperty("stage").GetString().ShouldBe("Withdrawn");

        var deleted = await ApiAccess.SubmitFormAsync(seeker.Browser, "/Account/Manage/PersonalData", "Delete", new Dictionary<string, string> { ["Password"] = ApiAccess.Password });
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await fixture.AnyApplicationAsync(a => a.Id == id && a.ApplicantId is not null))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the applicant was not forgotten within 60 s");
            await Task.Delay(200);
        }

        var kept = (await fixture.PipelineAsync(posting)).GetProperty("applicants")[0];
        kept.GetProperty("applicantName").GetString().ShouldBe("Deleted applicant");
        kept.GetProperty("coverNote").ValueKind.ShouldBe(JsonValueKind.Null);
        kept.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()).ShouldBe(["Applied", "Withdrawn"]);
        (await PlaintextSearch.SearchAsync(fixture.Database.ConnectionString, "Cover note to forget")).Found.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_seeker_sees_how_they_match_a_posting_and_their_application_keeps_that_explanation()
    {
        var posting = await fixture.PublishAsync("Ledger engineer");
        using var seeker = await fixture.SeekerAsync("seeker.matches@example.com");
        await fixture.App.WaitForBackgroundWorkAsync();

        var page = await seeker.Browser.GetStringAsync($"/Jobs/{posting}");
        page.ShouldContain("data-testid=\"how-you-match\"");
        page.ShouldContain("data-testid=\"match-bar\"");
        var shown = Regex.Match(page, "data-testid=\"match-score\">([0-9.]+)<").Groups[1].Value;
        var chips = Chips(page);
        chips.Where(c => c.Kind == "matched").Select(c => c.Name).ShouldBe(["Go", "PostgreSQL"], ignoreOrder: true);
        chips.ShouldContain(c => c.Kind == "missing" && c.Name.Contains("Kafka"));
        page.ShouldContain($"href=\"/Jobs/{posting}/Plan\"");
        page.ShouldContain($"href=\"/Jobs/{posting}/Apply\"");

        using (var visitor = fixture.App.CreateClient())
        {
            var anonymous = await visitor.GetStringAsync($"/Jobs/{posting}");
            anonymous.ShouldNotContain("how-you-match");
            anonymous.ShouldContain("Sign in as a job seeker");
        }

        (await ApplyAsync(seeker, posting, null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var match = (await fixture.PipelineAsync(posting)).GetProperty("applicants")[0].GetProperty("match");
        match.GetProperty("score").GetDecimal().ToString("0.0", CultureInfo.InvariantCulture).ShouldBe(shown);
        var verdicts = match.GetProperty("skills").EnumerateArray().ToDictionary(k => k.GetProperty("skillId").GetString()!, k => k.GetProperty("how").GetString());
        (verdicts["go"], verdicts["postgresql"], verdicts["kafka"]).ShouldBe(("Matched", "Matched", "Missing"));
        match.GetProperty("parts").GetArrayLength().ShouldBeGreaterThan(0);
        var events = await fixture.WithJobsDbAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT payload::text AS \"Value\" FROM jobs.outbox_messages WHERE type LIKE '%application-submitted%' AND payload::text LIKE {0}", $"%{posting}%").ToListAsync());
        JsonDocument.Parse(events.ShouldHaveSingleItem()).RootElement.EnumerateObject().Single(p => p.Name.Equals("matchScore", StringComparison.OrdinalIgnoreCase)).Value.GetDecimal().ToString("0.0", CultureInfo.InvariantCulture).ShouldBe(shown);
    }

    [Fact]
    public async Task The_pipeline_lists_the_best_match_first_or_by_date_when_asked()
    {
        var posting = await fixture.PublishAsync("Sorted by match");
        using var weak = await fixture.SeekerAsync("seeker.weak@example.com", "Wendy Weak");
        (await weak.Api.PutAsJsonAsync("/api/v1/me/profile", new { version = 1, displayName = "Wendy Weak", skills = new object[] { new { skillId = "kafka", level = 2 } } })).EnsureSuccessStatusCode();
        using var strong = await fixture.SeekerAsync("seeker.strong@example.com", "Sam Strong");
        await fixture.App.WaitForBackgroundWorkAsync();
        (await ApplyAsync(weak, posting, null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ApplyAsync(strong, posting, null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        static IEnumerable<string?> Names(JsonElement pipeline) => pipeline.GetProperty("applicants").EnumerateArray().Select(a => a.GetProperty("applicantName").GetString());
        var byMatch = await fixture.PipelineAsync(posting);
        Names(byMatch).ShouldBe(["Sam Strong", "Wendy Weak"]);
        byMatch.GetProperty("sort").GetString().ShouldBe("Match");
        var scores = byMatch.GetProperty("applicants").EnumerateArray().Select(a => a.GetProperty("match").GetProperty("score").GetDecimal()).ToList();
        scores[0].ShouldBeGreaterThan(scores[1]);
        var byDate = await (await fixture.Employer.GetAsync($"/api/v1/postings/{posting}/applications?sort=Date")).Content.ReadFromJsonAsync<JsonElement>();
        Names(byDate).ShouldBe(["Wendy Weak", "Sam Strong"]);
        (await (await fixture.Employer.GetAsync($"/api/v1/postings/{posting}/applications?sort=Salary")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .ErrorFields().ShouldBe(["sort"]);

        using var employer = await fixture.EmployerBrowserAsync();
        static IEnumerable<string> Listed(string html) => Regex.Matches(html, "class=\"applicant-name\">([^<]+)<").Select(m => m.Groups[1].Value);
        Listed(await employer.GetStringAsync($"/Employer/Postings/{posting}/Applicants")).ShouldBe(["Sam Strong", "Wendy Weak"]);
        Listed(await employer.GetStringAsync($"/Employer/Postings/{posting}/Applicants?sort=Date")).ShouldBe(["Wendy Weak", "Sam Strong"]);
    }

    [Fact]
    public async Task A_seeker_sorts_a_search_by_best_match_and_nobody_else_can()
    {
        var strongTitle = "Quillfeather Go engineer";
        var good = await fixture.PublishAsync(strongTitle);
        var other = PostingRequests.Valid(["Rust"], ["Scala"], company: "Northwind");
        other["title"] = "Quillfeather Rust engineer";
        var poor = (await fixture.Employer.PublishAsync(other)).GetProperty("id").GetGuid();
        using var seeker = await fixture.SeekerAsync("seeker.best@example.com");
        await fixture.App.WaitForBackgroundWorkAsync();

        var page = await seeker.Browser.GetStringAsync("/Jobs?q=Quillfeather&sort=BestMatch");
        var order = Regex.Matches(page, "class=\"job-card\" data-posting-id=\"([0-9a-f-]+)\"").Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
        order.ShouldBe([good, poor]);
        page.ShouldContain("data-testid=\"card-match\"");
        page.ShouldContain("<option value=\"BestMatch\" selected=\"selected\">");

        using var visitor = fixture.App.CreateClient();
        (await (await visitor.GetAsync("/api/v1/postings/search?q=Quillfeather&sort=BestMatch")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .ErrorFields().ShouldBe(["sort"]);
        (await visitor.GetStringAsync("/Jobs?q=Quillfeather")).ShouldNotContain("BestMatch");
    }

    /// <summary>The skill chips of a match as (kind, skill name), in page order.</summary>
    private static List<(string Kind, string Name)> Chips(string html) =>
        [.. Regex.Matches(html, "<li class=\"chip (matched|inferred|related|below|missing)\"[^>]*><span class=\"visually-hidden\">[^<]*</span>([^<]+)</li>")
            .Select(m => (m.Groups[1].Value, System.Net.WebUtility.HtmlDecode(m.Groups[2].Value).Trim()))];

    private static Task<HttpResponseMessage> ApplyAsync(Seeker seeker, Guid posting, string? coverNote) =>
        ApiAccess.SubmitFormAsync(seeker.Browser, $"/Jobs/{posting}/Apply", "", new Dictionary<string, string> { ["CoverNote"] = coverNote ?? "" });

    private Task<HttpResponseMessage> MoveAsync(Guid posting, Guid application, object body) =>
        fixture.Employer.PostAsJsonAsync($"/api/v1/postings/{posting}/applications/{application}/stage", body);

    /// <summary>A page's form with repeated fields (several applicants chosen), with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, string handler, IReadOnlyList<(string Name, string Value)> fields)
    {
        var html = await browser.GetStringAsync(page);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await browser.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(values));
    }
}
