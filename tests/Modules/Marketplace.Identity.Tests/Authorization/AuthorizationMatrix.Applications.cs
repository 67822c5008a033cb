namespace Marketplace.Identity.Tests.Authorization;

public static partial class AuthorizationMatrix
{
    private const string NoApplication = "00000000-0000-0000-0000-000000000000";

    /// <summary>
    /// Applications: a seeker applies and follows their own; a posting's pipeline is its company's alone (admins included
    /// out). The seekers apply to the employer's posting for real, so the pipeline's answers may show them; an application
    /// that does not exist is 404 to its company too (Jobs' ApplicationsTests cover real applications of other companies).
    /// </summary>
    private static readonly Routes Applications = new()
    {
        ["PAGE /Applications"] = new("GET", "/Applications", Credential.Cookie, JobSeekersOnly),
        ["PAGE POST /Applications/Index?handler=Withdraw"] = new("POST", "/Applications?handler=Withdraw", Credential.Cookie, [S, N, N, F, F, F])
        {
            Form = new Dictionary<string, string> { ["ApplicationId"] = NoApplication },
        },
        ["PAGE /Jobs/{id:guid}/Apply"] = new("GET", "/Jobs/{posting}/Apply", Credential.Cookie, JobSeekersOnly),
        ["PAGE POST /Applications/Apply"] = new("POST", "/Jobs/{posting}/Apply", Credential.Cookie, JobSeekersOnly)
        {
            Form = new Dictionary<string, string> { ["CoverNote"] = "From the authorization matrix" },
        },

        ["PAGE /Employer/Postings/{id:guid}/Applicants"] = new("GET", "/Employer/Postings/{posting}/Applicants", Credential.Cookie, [S, F, F, A, N, F])
        {
            MayShowDataOf = [1, 2],
        },
        ["PAGE POST /Employer/Applicants/Index?handler=Move"] = new("POST", "/Employer/Postings/{posting}/Applicants?handler=Move", Credential.Cookie, [S, F, F, A, N, F])
        {
            Form = new Dictionary<string, string> { ["Move.Stage"] = "Screening" },
            MayShowDataOf = [1, 2],
        },
        ["PAGE /Employer/Postings/{id:guid}/Applicants/{applicationId:guid}"] =
            new("GET", $"/Employer/Postings/{{posting}}/Applicants/{NoApplication}", Credential.Cookie, [S, F, F, N, N, F]),
        ["PAGE POST /Employer/Applicants/Detail?handler=Move"] =
            new("POST", $"/Employer/Postings/{{posting}}/Applicants/{NoApplication}?handler=Move", Credential.Cookie, [S, F, F, N, N, F])
            {
                Form = new Dictionary<string, string> { ["Move.Stage"] = "Screening" },
            },
        ["PAGE POST /Employer/Applicants/Detail?handler=Note"] =
            new("POST", $"/Employer/Postings/{{posting}}/Applicants/{NoApplication}?handler=Note", Credential.Cookie, [S, F, F, N, N, F])
            {
                Form = new Dictionary<string, string> { ["NoteText"] = "A note" },
            },
        ["PAGE /Employer/RejectionReasons"] = new("GET", "/Employer/RejectionReasons", Credential.Cookie, EmployersOnly),
        // A row without its text: refused by the form, so the probe changes nothing.
        ["PAGE POST /Employer/Applicants/Reasons"] = new("POST", "/Employer/RejectionReasons", Credential.Cookie, EmployersOnly)
        {
            Form = new Dictionary<string, string> { ["Templates[0].Title"] = "Only a title" },
        },

        ["GET /api/v1/postings/{id:guid}/applications/"] = new("GET", "/api/v1/postings/{posting}/applications", Credential.Bearer, [S, F, F, A, N, F])
        {
            MayShowDataOf = [1, 2],
        },
        ["POST /api/v1/postings/{id:guid}/applications/{applicationId:guid}/stage"] =
            new("POST", $"/api/v1/postings/{{posting}}/applications/{NoApplication}/stage", Credential.Bearer, [S, F, F, N, N, F], """{"stage":"Screening"}"""),
    };
}
