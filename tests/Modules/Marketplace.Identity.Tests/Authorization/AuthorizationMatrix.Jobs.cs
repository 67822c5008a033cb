namespace Marketplace.Identity.Tests.Authorization;

public static partial class AuthorizationMatrix
{
    private const string PostingJson = """
        {"title":"Senior C# backend developer","company":"Acme","description":"Build APIs.","seniority":"Senior","workMode":"Remote",
         "salary":{"min":60000,"max":80000,"currency":"EUR","period":"Year"},"skills":[{"skill":"csharp","minLevel":3,"weight":5}]}
        """;

    /// <summary>Companies, postings (pages and API), search, saved searches and moderation: an employer touches only their own company's.</summary>
    private static readonly Routes Jobs = new()
    {
        ["PAGE /Employer/Company"] = new("GET", "/Employer/Company", Credential.Cookie, EmployersOnly),
        // Inviting to the first employer's company: only its admin may; to the second employer it does not exist.
        ["PAGE POST /Employer/Company?handler=Invite"] = new("POST", "/Employer/Company?handler=Invite", Credential.Cookie, [S, F, F, A, N, F])
        {
            Form = new Dictionary<string, string> { ["Input.CompanyId"] = "{company}", ["Input.Email"] = "colleague.of.tenant.one@example.com" },
        },

        // The company's postings: to the second employer the first's posting is not there.
        ["PAGE /Employer/Postings"] = new("GET", "/Employer/Postings", Credential.Cookie, EmployersOnly),
        ["PAGE /Employer/Postings/Index"] = new("GET", "/Employer/Postings/Index", Credential.Cookie, EmployersOnly),
        ["PAGE /Employer/Postings/New"] = new("GET", "/Employer/Postings/New", Credential.Cookie, EmployersOnly),
        ["PAGE /Employer/Postings/{id:guid}/Edit"] = new("GET", "/Employer/Postings/{posting}/Edit", Credential.Cookie, [S, F, F, A, N, F]),
        ["PAGE POST /Employer/Postings/New?handler=Save"] = new("POST", "/Employer/Postings/New?handler=Save", Credential.Cookie, EmployersOnly),
        ["PAGE POST /Employer/Postings/New?handler=Publish"] = new("POST", "/Employer/Postings/New?handler=Publish", Credential.Cookie, EmployersOnly),
        ["PAGE POST /Employer/Postings/New?handler=MoreRows"] = new("POST", "/Employer/Postings/New?handler=MoreRows", Credential.Cookie, EmployersOnly),
        ["PAGE POST /Employer/Postings/New?handler=Preview"] = new("POST", "/Employer/Postings/New?handler=Preview", Credential.Cookie, EmployersOnly),
        ["PAGE POST /Employer/Postings/Edit?handler=Save"] = new("POST", "/Employer/Postings/{posting}/Edit?handler=Save", Credential.Cookie, [S, F, F, A, N, F]),
        ["PAGE POST /Employer/Postings/Edit?handler=Publish"] = new("POST", "/Employer/Postings/{posting}/Edit?handler=Publish", Credential.Cookie, [S, F, F, A, N, F]),
        ["PAGE POST /Employer/Postings/Edit?handler=MoreRows"] = new("POST", "/Employer/Postings/{posting}/Edit?handler=MoreRows", Credential.Cookie, [S, F, F, A, N, F]),
        ["PAGE POST /Employer/Postings/Edit?handler=Preview"] = new("POST", "/Employer/Postings/{posting}/Edit?handler=Preview", Credential.Cookie, [S, F, F, A, N, F]),
        ["PAGE POST /Employer/Postings/Index?handler=Act"] = new("POST", "/Employer/Postings?handler=Act", Credential.Cookie, [S, F, F, A, N, F])
        {
            Form = new Dictionary<string, string> { ["id"] = "{posting}", ["version"] = "1", ["action"] = "Renew" },
        },

        // The search and a posting's page are for everyone; reporting it needs a session; saved searches are the seeker's own.
        ["PAGE /Jobs"] = new("GET", "/Jobs?q=backend", Credential.Cookie, Everyone),
        ["PAGE /Jobs/Index"] = new("GET", "/Jobs/Index", Credential.Cookie, Everyone),
        ["PAGE /Jobs/{id:guid}"] = new("GET", "/Jobs/{posting}", Credential.Cookie, Everyone),
        ["PAGE /Jobs/{id:guid}/Report"] = new("GET", "/Jobs/{posting}/Report", Credential.Cookie, SignedIn),
        ["PAGE POST /Jobs/Report"] = new("POST", "/Jobs/{posting}/Report", Credential.Cookie, SignedIn),
        ["PAGE /Jobs/Saved"] = new("GET", "/Jobs/Saved", Credential.Cookie, JobSeekersOnly),
        ["PAGE POST /Jobs/Saved?handler=Save"] = new("POST", "/Jobs/Saved?handler=Save", Credential.Cookie, JobSeekersOnly)
        {
            Form = new Dictionary<string, string> { ["q"] = "kubernetes", ["frequency"] = "Daily" },
        },
        // Another's saved search, or none, is not found: the ids here name none.
        ["PAGE POST /Jobs/Saved?handler=Change"] = new("POST", "/Jobs/Saved?handler=Change", Credential.Cookie, [S, N, N, F, F, F])
        {
            Form = new Dictionary<string, string> { ["id"] = "0195a6f0-0000-7000-8000-000000000000", ["frequency"] = "Weekly" },
        },
        ["PAGE POST /Jobs/Saved?handler=Delete"] = new("POST", "/Jobs/Saved?handler=Delete", Credential.Cookie, [S, N, N, F, F, F])
        {
            Form = new Dictionary<string, string> { ["id"] = "0195a6f0-0000-7000-8000-000000000000" },
        },
        // The alert mail's link works without a session or antiforgery token (the signed token is the proof); a forged
        // one gets the page's own 400 (the alert tests show it changes nothing).
        ["PAGE /Jobs/Alerts/Unsubscribe"] = new("GET", "/Jobs/Alerts/Unsubscribe?token=forged", Credential.Cookie, Everyone),
        ["PAGE POST /Jobs/Alerts/Unsubscribe"] = new("POST", "/Jobs/Alerts/Unsubscribe?token=forged", Credential.Cookie, Everyone) { WithoutAntiforgery = true },

        ["PAGE /Admin/Moderation"] = new("GET", "/Admin/Moderation", Credential.Cookie, AdminsOnly),
        ["PAGE POST /Admin/Moderation?handler=Decide"] = new("POST", "/Admin/Moderation?handler=Decide", Credential.Cookie, AdminsOnly)
        {
            Form = new Dictionary<string, string> { ["postingId"] = "{posting}", ["decision"] = "Dismiss" },
        },

        ["GET /api/v1/postings/"] = new("GET", "/api/v1/postings", Credential.Bearer, SignedIn),
        ["GET /api/v1/postings/search"] = new("GET", "/api/v1/postings/search?q=backend", Credential.Bearer, Everyone),
        ["GET /api/v1/postings/{id:guid}"] = new("GET", "/api/v1/postings/{posting}", Credential.Bearer, SignedIn),
        ["POST /api/v1/postings/"] = new("POST", "/api/v1/postings", Credential.Bearer, EmployersOnly, PostingJson),
        ["PUT /api/v1/postings/{id:guid}"] = new("PUT", "/api/v1/postings/{posting}", Credential.Bearer, [S, F, F, A, F, F], "{posting-edit}"),
        ["POST /api/v1/postings/{id:guid}/publish"] = new("POST", "/api/v1/postings/{posting}/publish", Credential.Bearer, [S, F, F, A, F, F], "{}"),
        ["POST /api/v1/postings/{id:guid}/renew"] = new("POST", "/api/v1/postings/{posting}/renew", Credential.Bearer, [S, F, F, A, F, F], "{}"),
        ["POST /api/v1/postings/{id:guid}/close"] = new("POST", "/api/v1/postings/{posting}/close", Credential.Bearer, [S, F, F, A, F, F], """{"reason":"Filled"}"""),
    };

    /// <summary>A valid body for the posting's JSON probes (the edit takes the version it was read at).</summary>
    public static string PostingBody(string json, uint version) => json == "{posting-edit}"
        ? PostingJson.TrimEnd().TrimEnd('}') + $",\"version\":{version}}}"
        : json;

    public static string NewPostingJson => PostingJson;
}
