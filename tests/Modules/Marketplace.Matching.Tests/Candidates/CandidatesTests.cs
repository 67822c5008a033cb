using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Matching.Application.Candidates;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Matching.Tests.Candidates;

/// <summary>
/// A posting's candidates for its company, through the page and the API of a real host on PostgreSQL: the engine's ranking under
/// the employer's weights and dealbreakers, the company's walls, and who may learn a candidate's name and when.
/// </summary>
public sealed partial class CandidatesTests(CandidatesFixture fixture) : IClassFixture<CandidatesFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.MakeWorldAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_list_is_the_engines_ranking_and_a_weight_change_reranks_it_at_once()
    {
        var byPosting = await ListAsync();
        var engine = await fixture.EngineAnswerAsync();
        Ranked(byPosting).ShouldBe(engine);
        byPosting.GetProperty("rankedBy").GetString().ShouldBe("Posting");
        byPosting.GetProperty("total").GetInt32().ShouldBe(3);

        var reweighted = await ListAsync("?weights=csharp:1,postgresql:10,docker:2");
        var engineReweighted = await fixture.EngineAnswerAsync(new Dictionary<string, double> { ["csharp"] = 1, ["postgresql"] = 10, ["docker"] = 2 });
        Ranked(reweighted).ShouldBe(engineReweighted);
        reweighted.GetProperty("rankedBy").GetString().ShouldBe("Adjusted");
        Ranked(reweighted).Select(c => c.Key).ShouldNotBe(Ranked(byPosting).Select(c => c.Key), "PostgreSQL weighing most puts Bo above Ada");
        Rank(reweighted, await fixture.KeyOfAsync(fixture.Posting, fixture.Bo)).ShouldBeLessThan(Rank(reweighted, await fixture.KeyOfAsync(fixture.Posting, fixture.Ada)));

        // The page ranks the same, in the same order, from the form's fields.
        var page = await fixture.EmployerBrowser.GetStringAsync($"/Employer/Postings/{fixture.Posting}/Candidates?w%5Bcsharp%5D=1&w%5Bpostgresql%5D=10&w%5Bdocker%5D=2&db=csharp&db=postgresql");
        PageKeys(page).ShouldBe(Ranked(await ListAsync("?weights=csharp:1,postgresql:10,docker:2&dealbreakers=csharp,postgresql")).Select(c => c.Key));
        PageKeys(await fixture.EmployerBrowser.GetStringAsync($"/Employer/Postings/{fixture.Posting}/Candidates")).ShouldBe(Ranked(byPosting).Select(c => c.Key));
    }

    [Fact]
    public async Task A_dealbreaker_leaves_out_whoever_lacks_the_skill()
    {
        var withBreaker = await ListAsync("?dealbreakers=csharp");
        var engine = await fixture.EngineAnswerAsync(dealbreakers: ["csharp"]);
        Ranked(withBreaker).ShouldBe(engine);
        var bo = await fixture.KeyOfAsync(fixture.Posting, fixture.Bo);
        Ranked(withBreaker).Select(c => c.Key).ShouldNotContain(bo);
        Ranked(await ListAsync("?dealbreakers=")).Select(c => c.Key).ShouldContain(bo);

        var page = await fixture.EmployerBrowser.GetStringAsync($"/Employer/Postings/{fixture.Posting}/Candidates?w%5Bcsharp%5D=5&w%5Bpostgresql%5D=5&w%5Bdocker%5D=2&db=csharp");
        page.ShouldNotContain($"data-candidate=\"{bo}\"");
        PageKeys(page).ShouldBe(engine.Select(c => c.Key));
    }

    [Fact]
    public async Task Saved_weights_open_the_list_for_the_company_until_it_goes_back_to_the_postings()
    {
        using var saved = await ApiAccess.SubmitFormAsync(fixture.EmployerBrowser, $"/Employer/Postings/{fixture.Posting}/Candidates", "Save",
            new Dictionary<string, string> { ["w[csharp]"] = "1", ["w[postgresql]"] = "10", ["w[docker]"] = "2" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        try
        {
            var list = await ListAsync();
            list.GetProperty("rankedBy").GetString().ShouldBe("Saved");
            Ranked(list).ShouldBe(await fixture.EngineAnswerAsync(new Dictionary<string, double> { ["csharp"] = 1, ["postgresql"] = 10, ["docker"] = 2 }, []));
            var page = await fixture.EmployerBrowser.GetStringAsync($"/Employer/Postings/{fixture.Posting}/Candidates");
            page.ShouldContain("your company&#x27;s saved weights");
            page.ShouldContain("value=\"10\"");
        }
        finally
        {
            using var reset = await ApiAccess.SubmitFormAsync(fixture.EmployerBrowser, $"/Employer/Postings/{fixture.Posting}/Candidates", "Reset", new Dictionary<string, string>());
            reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await ListAsync()).GetProperty("rankedBy").GetString().ShouldBe("Posting");
    }

    [Fact]
    public async Task Another_company_is_told_the_posting_does_not_exist_and_seekers_are_kept_out()
    {
        (await fixture.OtherEmployer.GetAsync($"/api/v1/postings/{fixture.Posting}/candidates")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.OtherEmployerBrowser.GetAsync($"/Employer/Postings/{fixture.Posting}/Candidates")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.Employer.GetAsync($"/api/v1/postings/{fixture.OtherPosting}/candidates")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.Employer.GetAsync($"/api/v1/postings/{Guid.NewGuid()}/candidates")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.Employer.GetAsync($"/api/v1/postings/{fixture.OtherPosting}/candidates?weights=csharp:9")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var contact = await ApiAccess.SubmitFormAsync(fixture.OtherEmployerBrowser, $"/Employer/Postings/{fixture.OtherPosting}/Candidates", "Contact",
            new Dictionary<string, string> { ["CandidateKey"] = await fixture.KeyOfAsync(fixture.Posting, fixture.Ada) });
        contact.StatusCode.ShouldBe(HttpStatusCode.OK, "a key of another posting names nobody on this one");
        (await contact.Content.ReadAsStringAsync()).ShouldContain("not in the posting&#x27;s candidates");

        (await fixture.Ada.Browser.GetAsync($"/Employer/Postings/{fixture.Posting}/Candidates")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var seekerApi = fixture.App.CreateClient();
        seekerApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.App.AuthorizationCodeTokenAsync(fixture.Ada.Browser, "openid profile:me"));
        (await seekerApi.GetAsync($"/api/v1/postings/{fixture.Posting}/candidates")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var withoutScope = fixture.App.CreateClient();
        withoutScope.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.App.EmployerTokenForAsync(CandidatesFixture.EmployerEmail, ["jobs:read"]));
        (await withoutScope.GetAsync($"/api/v1/postings/{fixture.Posting}/candidates")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_rankings_are_400_naming_the_field_and_the_page_says_why()
    {
        foreach (var (query, field) in new[] { ("weights=csharp:11", "weights"), ("weights=csharp", "weights"), ("weights=cobol:3", "weights"), ("dealbreakers=docker", "dealbreakers"), ("pageSize=500", "pageSize") })
        {
            var response = await fixture.Employer.GetAsync($"/api/v1/postings/{fixture.Posting}/candidates?{query}");
            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain(field, query);
        }

        var page = await fixture.EmployerBrowser.GetAsync($"/Employer/Postings/{fixture.Posting}/Candidates?w%5Bcsharp%5D=40");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("1 to 10");
        PageKeys(html).Count.ShouldBe(3, "the list stays, ranked as before");
    }

    [Fact]
    public async Task A_candidate_is_nameless_until_they_accept_and_stays_so_after_declining_and_a_private_profile_is_never_one()
    {
        var before = await ListJsonAsync();
        var beforePage = await fixture.EmployerBrowser.GetStringAsync($"/Employer/Postings/{fixture.Posting}/Candidates");
        foreach (var text in new[] { before, beforePage })
        {
            // Di may have applied already (another test): applicants are named to the company.
            foreach (var seeker in new[] { fixture.Ada, fixture.Bo, fixture.Cy })
            {
                text.ShouldNotContain(seeker.Name);
                text.ShouldNotContain(seeker.Email);
                text.ShouldNotContain(seeker.Id.ToString());
            }

            text.ShouldNotContain(await fixture.KeyOfAsync(fixture.Posting, fixture.Cy));
        }

        var ada = await fixture.KeyOfAsync(fixture.Posting, fixture.Ada);
        var bo = await fixture.KeyOfAsync(fixture.Posting, fixture.Bo);
        beforePage.ShouldContain($"Candidate {ada[..4].ToUpperInvariant()}");

        await AskAsync(ada, "We build payments in C#; would you talk to us?");
        await AskAsync(bo, null);
        var again = await AskResponseAsync(bo, "Once more");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldContain("they have not answered yet");

        var mail = await fixture.Smtp.WaitForMessageAsync(fixture.Ada.Email, m => (m.Subject ?? "").Contains("Quietbay"));
        mail.Subject.ShouldBe("Quietbay would like to contact you about Backend developer (C#)");
        mail.TextBody!.ShouldContain("We build payments in C#; would you talk to us?");
        mail.TextBody!.ShouldContain("http://localhost/Matches/Requests");
        (await ListJsonAsync()).ShouldNotContain(fixture.Ada.Name, Case.Sensitive, "a request alone reveals nothing");

        await AnswerAsync(fixture.Ada, accept: true);
        await AnswerAsync(fixture.Bo, accept: false);

        var after = await ListAsync();
        var adaItem = Item(after, ada);
        adaItem.GetProperty("contact").GetString().ShouldBe("Accepted");
        adaItem.GetProperty("identity").GetProperty("name").GetString().ShouldBe(fixture.Ada.Name);
        adaItem.GetProperty("identity").GetProperty("email").GetString().ShouldBe(fixture.Ada.Email);
        Item(after, bo).GetProperty("contact").GetString().ShouldBe("Declined");
        Item(after, bo).GetProperty("identity").ValueKind.ShouldBe(JsonValueKind.Null);
        var afterPage = await fixture.EmployerBrowser.GetStringAsync($"/Employer/Postings/{fixture.Posting}/Candidates");
        afterPage.ShouldContain(fixture.Ada.Name);
        afterPage.ShouldContain(fixture.Ada.Email);
        foreach (var text in new[] { after.GetRawText(), afterPage })
        {
            text.ShouldNotContain(fixture.Bo.Name);
            text.ShouldNotContain(fixture.Bo.Email);
            text.ShouldNotContain(fixture.Cy.Name);
        }

        (await fixture.Smtp.WaitForMessageAsync(CandidatesFixture.EmployerEmail, m => (m.Subject ?? "").Contains("accepted"))).TextBody!.ShouldContain(fixture.Ada.Name);
        // Each seeker's data download holds the requests they were sent, with the company, the posting and the answer.
        var adaData = await ContactRequestsInDownloadAsync(fixture.Ada);
        adaData.GetProperty("status").GetString().ShouldBe("Accepted");
        adaData.GetProperty("message").GetString().ShouldBe("We build payments in C#; would you talk to us?");
        adaData.GetProperty("answeredAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await ContactRequestsInDownloadAsync(fixture.Bo)).GetProperty("status").GetString().ShouldBe("Declined");
        var declinedAgain = await AskResponseAsync(bo, "Please?");
        (await declinedAgain.Content.ReadAsStringAsync()).ShouldContain("declined your request");

        // Another company sees the same seeker under another key, and nameless: consent was given to this posting only.
        var other = await fixture.OtherEmployer.GetStringAsync($"/api/v1/postings/{fixture.OtherPosting}/candidates");
        other.ShouldNotContain(fixture.Ada.Name);
        other.ShouldNotContain(ada);
        other.ShouldContain(await fixture.KeyOfAsync(fixture.OtherPosting, fixture.Ada));
    }

    [Fact]
    public async Task An_applicant_is_named_to_the_company_of_the_posting_they_applied_to()
    {
        var di = await fixture.KeyOfAsync(fixture.Posting, fixture.Di);
        Item(await ListAsync(), di).GetProperty("identity").ValueKind.ShouldBe(JsonValueKind.Null);
        using var applied = await ApiAccess.SubmitFormAsync(fixture.Di.Browser, $"/Jobs/{fixture.Posting}/Apply", "", new Dictionary<string, string> { ["CoverNote"] = "" });
        applied.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var item = Item(await ListAsync(), di);
        item.GetProperty("contact").GetString().ShouldBe("Applied");
        item.GetProperty("identity").GetProperty("name").GetString().ShouldBe(fixture.Di.Name);
        (await fixture.OtherEmployer.GetStringAsync($"/api/v1/postings/{fixture.OtherPosting}/candidates")).ShouldNotContain(fixture.Di.Name);
        var refused = await AskResponseAsync(di, null);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("applied to this posting");
    }

    [Fact]
    public async Task Two_requests_for_one_candidate_at_once_store_one_and_the_loser_is_told_why_on_the_page_or_with_a_409()
    {
        // Di on the other company's posting: no other test asks them there. The page and the API ask at the same moment.
        var di = await fixture.KeyOfAsync(fixture.OtherPosting, fixture.Di);
        var requests = $"/api/v1/postings/{fixture.OtherPosting}/contact-requests";
        var fields = new Dictionary<string, string> { ["CandidateKey"] = di, ["Message"] = "" };
        Task<HttpResponseMessage> page, api;
        fixture.ContactRace.Arm();
        try
        {
            page = ApiAccess.SubmitFormAsync(fixture.OtherEmployerBrowser, $"/Employer/Postings/{fixture.OtherPosting}/Candidates", "Contact", fields);
            api = fixture.OtherEmployer.PostAsJsonAsync(requests, new { candidateKey = di, message = "Hello from our ATS" });
            await Task.WhenAll(page, api);
        }
        finally
        {
            fixture.ContactRace.Disarm();
        }

        using var fromPage = await page;
        using var fromApi = await api;
        (fromPage.StatusCode == HttpStatusCode.Redirect).ShouldNotBe(fromApi.StatusCode == HttpStatusCode.Created, "exactly one of the two is sent");
        if (fromApi.StatusCode == HttpStatusCode.Created)
        {
            fromPage.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await fromPage.Content.ReadAsStringAsync()).ShouldContain("Someone else changed this in the meantime");
        }
        else
        {
            await fromApi.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        }

        var stored = await fixture.App.InScopeAsync(s => s.GetRequiredService<ICandidateStore>().RequestsOfPostingAsync(fixture.OtherPosting, CancellationToken.None));
        stored.Count(r => r.ProfileId == fixture.Di.Id).ShouldBe(1);

        // Asked again through the API: 409; the company's list has the request, pending, by key.
        await (await fixture.OtherEmployer.PostAsJsonAsync(requests, new { candidateKey = di })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var listed = await fixture.OtherEmployer.GetFromJsonAsync<JsonElement>(requests);
        var item = listed.EnumerateArray().Single(r => r.GetProperty("candidateKey").GetString() == di);
        item.GetProperty("status").GetString().ShouldBe("Pending");
        item.GetProperty("candidate").GetString().ShouldBe($"Candidate {di[..4].ToUpperInvariant()}");
        listed.GetRawText().ShouldNotContain(fixture.Di.Name);
    }

    [Fact]
    public async Task The_contact_requests_api_is_the_postings_company_alone_with_the_scope_it_names()
    {
        var di = await fixture.KeyOfAsync(fixture.OtherPosting, fixture.Di);
        var mine = $"/api/v1/postings/{fixture.OtherPosting}/contact-requests";
        using var anonymous = fixture.App.CreateClient();
        (await anonymous.PostAsJsonAsync(mine, new { candidateKey = di })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync(mine)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var readOnly = fixture.App.CreateClient();
        readOnly.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.App.EmployerTokenForAsync(CandidatesFixture.OtherEmployerEmail, ["candidates:read"]));
        (await readOnly.PostAsJsonAsync(mine, new { candidateKey = di })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await readOnly.GetAsync(mine)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Another company's posting, or none: 404 whatever the key.
        (await fixture.Employer.PostAsJsonAsync(mine, new { candidateKey = di })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.Employer.GetAsync(mine)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.Employer.GetAsync($"/api/v1/postings/{Guid.NewGuid()}/contact-requests")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var blank = await fixture.OtherEmployer.PostAsJsonAsync(mine, new { candidateKey = "" });
        (await blank.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain(f => string.Equals(f, "candidateKey", StringComparison.OrdinalIgnoreCase));
    }

    // The seeker's one request from this test's company, as their personal-data download has it.
    private async Task<JsonElement> ContactRequestsInDownloadAsync(CandidateSeeker seeker)
    {
        using var download = await seeker.Browser.GetAsync("/Account/Manage/PersonalData?handler=Download");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var request = document.RootElement.GetProperty("contact_requests").EnumerateArray()
            .Single(r => r.GetProperty("company").GetString() == "Quietbay" && r.GetProperty("postingId").GetGuid() == fixture.Posting);
        request.GetProperty("posting").GetString().ShouldBe("Backend developer (C#)");
        return request.Clone();
    }

    private async Task<JsonElement> ListAsync(string query = "")
    {
        var response = await fixture.Employer.GetAsync($"/api/v1/postings/{fixture.Posting}/candidates{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<string> ListJsonAsync() => fixture.Employer.GetStringAsync($"/api/v1/postings/{fixture.Posting}/candidates");

    private static IReadOnlyList<(string Key, double Score)> Ranked(JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("candidateKey").GetString()!, i.GetProperty("score").GetDouble()))];

    private static int Rank(JsonElement list, string key) => Item(list, key).GetProperty("rank").GetInt32();

    private static JsonElement Item(JsonElement list, string key) =>
        list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("candidateKey").GetString() == key);

    private static IReadOnlyList<string> PageKeys(string html) => [.. CandidateAttribute().Matches(html).Select(m => m.Groups[1].Value)];

    private Task<HttpResponseMessage> AskResponseAsync(string key, string? message) =>
        ApiAccess.SubmitFormAsync(fixture.EmployerBrowser, $"/Employer/Postings/{fixture.Posting}/Candidates", "Contact",
            new Dictionary<string, string> { ["CandidateKey"] = key, ["Message"] = message ?? "" });

    private async Task AskAsync(string key, string? message)
    {
        using var response = await AskResponseAsync(key, message);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    private static async Task AnswerAsync(CandidateSeeker seeker, bool accept)
    {
        var page = await seeker.Browser.GetStringAsync("/Matches/Requests");
        page.ShouldContain("Quietbay");
        var id = RequestAttribute().Match(page).Groups[1].Value;
        using var answered = await ApiAccess.SubmitFormAsync(seeker.Browser, "/Matches/Requests", accept ? "Accept" : "Decline", new Dictionary<string, string> { ["RequestId"] = id });
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await seeker.Browser.GetStringAsync("/Matches/Requests")).ShouldContain(accept ? "Accepted" : "Declined");
    }

    [GeneratedRegex("data-candidate=\"([0-9a-f]{32})\"")]
    private static partial Regex CandidateAttribute();

    [GeneratedRegex("data-request-id=\"([0-9a-f-]{36})\"")]
    private static partial Regex RequestAttribute();
}
