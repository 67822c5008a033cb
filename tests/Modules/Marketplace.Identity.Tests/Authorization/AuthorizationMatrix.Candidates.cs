namespace Marketplace.Identity.Tests.Authorization;

public static partial class AuthorizationMatrix
{
    private const string NoContactRequest = "00000000-0000-0000-0000-000000000000";

    /// <summary>
    /// A posting's candidates are its company's alone (admins included out; another company is told the posting does not exist);
    /// contact requests are answered by the seeker asked. The probes change nothing: no weights to save, no candidate to ask,
    /// no request to answer.
    /// </summary>
    private static readonly Routes Candidates = new()
    {
        ["PAGE /Employer/Postings/{id:guid}/Candidates"] = new("GET", "/Employer/Postings/{posting}/Candidates", Credential.Cookie, [S, F, F, A, N, F]),
        ["PAGE POST /Employer/Candidates/Index?handler=Save"] = new("POST", "/Employer/Postings/{posting}/Candidates?handler=Save", Credential.Cookie, [S, F, F, A, N, F]),
        ["PAGE POST /Employer/Candidates/Index?handler=Reset"] = new("POST", "/Employer/Postings/{posting}/Candidates?handler=Reset", Credential.Cookie, [S, F, F, A, N, F]),
        ["PAGE POST /Employer/Candidates/Index?handler=Contact"] = new("POST", "/Employer/Postings/{posting}/Candidates?handler=Contact", Credential.Cookie, [S, F, F, A, N, F])
        {
            Form = new Dictionary<string, string> { ["CandidateKey"] = new('0', 32) },
        },
        ["PAGE /Matches/Requests"] = new("GET", "/Matches/Requests", Credential.Cookie, JobSeekersOnly),
        ["PAGE POST /Matches/Requests?handler=Accept"] = new("POST", "/Matches/Requests?handler=Accept", Credential.Cookie, [S, N, N, F, F, F])
        {
            Form = new Dictionary<string, string> { ["RequestId"] = NoContactRequest },
        },
        ["PAGE POST /Matches/Requests?handler=Decline"] = new("POST", "/Matches/Requests?handler=Decline", Credential.Cookie, [S, N, N, F, F, F])
        {
            Form = new Dictionary<string, string> { ["RequestId"] = NoContactRequest },
        },

        ["GET /api/v1/postings/{id:guid}/candidates"] = new("GET", "/api/v1/postings/{posting}/candidates", Credential.Bearer, [S, F, F, A, N, F]),
        ["GET /api/v1/postings/{id:guid}/contact-requests/"] = new("GET", "/api/v1/postings/{posting}/contact-requests", Credential.Bearer, [S, F, F, A, N, F]),
        ["POST /api/v1/postings/{id:guid}/contact-requests/"] =
            new("POST", "/api/v1/postings/{posting}/contact-requests", Credential.Bearer, [S, F, F, A, N, F], $$"""{"candidateKey":"{{new string('0', 32)}}"}"""),
    };
}
