namespace Marketplace.Identity.Tests.Authorization;

public static partial class AuthorizationMatrix
{
    private const string PostingJson = """
        {"title":"Senior C# backend developer","company":"Acme","description":"Build APIs.","seniority":"Senior","workMode":"Remote",
         "salary":{"min":60000,"max":80000,"currency":"EUR","period":"Year"},"skills":[{"skill":"csharp","minLevel":3,"weight":5}]}
        """;

    /// <summary>Companies (pages) and postings (API): an employer touches only their own company's.</summary>
    private static readonly Routes Jobs = new()
    {
        ["PAGE /Employer/Company"] = new("GET", "/Employer/Company", Credential.Cookie, EmployersOnly),
        // Inviting to the first employer's company: only its admin may; to the second employer it does not exist.
        ["PAGE POST /Employer/Company?handler=Invite"] = new("POST", "/Employer/Company?handler=Invite", Credential.Cookie, [S, F, F, A, N, F])
        {
            Form = new Dictionary<string, string> { ["Input.CompanyId"] = "{company}", ["Input.Email"] = "colleague.of.tenant.one@example.com" },
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
