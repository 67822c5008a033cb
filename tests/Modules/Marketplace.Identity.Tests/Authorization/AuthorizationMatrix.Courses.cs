namespace Marketplace.Identity.Tests.Authorization;

public static partial class AuthorizationMatrix
{
    /// <summary>A course or import id no one has: admins reach the handler and are told it is not there.</summary>
    private const string NoSuchId = "0195f3b2-0000-7000-8000-00000000c0de";

    private static Outcome[] AdminsReachNothing => [S, F, F, F, F, N];

    /// <summary>A seeker's own enrolment: with an id they are not enrolled in, a seeker learns only that it is not there.</summary>
    private static Outcome[] SeekersReachNothing => [S, N, N, F, F, F];

    /// <summary>Only admins change the catalog; everyone reads it; a seeker's enrolments and plans are theirs alone.</summary>
    private static readonly Routes Courses = new()
    {
        ["GET /api/v1/skill-demand/"] = new("GET", "/api/v1/skill-demand", Credential.Bearer, AdminsOnly),

        ["PAGE /Admin/Courses"] = new("GET", "/Admin/Courses", Credential.Cookie, AdminsOnly),
        ["PAGE /Admin/Courses/Index"] = new("GET", "/Admin/Courses/Index", Credential.Cookie, AdminsOnly),
        ["PAGE POST /Admin/Courses/Index?handler=List"] = new("POST", $"/Admin/Courses?handler=List&id={NoSuchId}&listed=false", Credential.Cookie, AdminsReachNothing),
        ["PAGE /Admin/Courses/Edit/{id:guid?}"] = new("GET", "/Admin/Courses/Edit", Credential.Cookie, AdminsOnly),
        ["PAGE POST /Admin/Courses/Edit"] = new("POST", "/Admin/Courses/Edit", Credential.Cookie, AdminsOnly),
        ["PAGE /Admin/Courses/Import"] = new("GET", "/Admin/Courses/Import", Credential.Cookie, AdminsOnly),
        ["PAGE POST /Admin/Courses/Import"] = new("POST", "/Admin/Courses/Import", Credential.Cookie, AdminsOnly),
        ["PAGE /Admin/Courses/Import/{id:guid}"] = new("GET", $"/Admin/Courses/Import/{NoSuchId}", Credential.Cookie, AdminsReachNothing),
        ["PAGE POST /Admin/Courses/ImportPreview?handler=Map"] = new("POST", $"/Admin/Courses/Import/{NoSuchId}?handler=Map", Credential.Cookie, AdminsReachNothing),
        ["PAGE POST /Admin/Courses/ImportPreview?handler=Start"] = new("POST", $"/Admin/Courses/Import/{NoSuchId}?handler=Start", Credential.Cookie, AdminsReachNothing),

        ["PAGE /Courses"] = new("GET", "/Courses?skill=postgres", Credential.Cookie, Everyone),
        ["PAGE /Courses/Index"] = new("GET", "/Courses/Index", Credential.Cookie, Everyone),
        ["PAGE /Courses/{id:guid}"] = new("GET", $"/Courses/{NoSuchId}", Credential.Cookie, [N, N, N, N, N, N]),
        ["PAGE /Courses/Learning"] = new("GET", "/Courses/Learning", Credential.Cookie, JobSeekersOnly),
        ["PAGE /Courses/ForYou"] = new("GET", "/Courses/ForYou", Credential.Cookie, JobSeekersOnly),
        ["PAGE POST /Courses/Learning?handler=Share"] = new("POST", "/Courses/Learning?handler=Share", Credential.Cookie, JobSeekersOnly)
        {
            Form = new Dictionary<string, string> { ["withEmployers"] = "true" },
        },
        ["PAGE /Courses/{id:guid}/Enrolment"] = new("GET", $"/Courses/{NoSuchId}/Enrolment", Credential.Cookie, JobSeekersOnly),
        ["PAGE POST /Courses/Enrolment?handler=Enrol"] = new("POST", $"/Courses/{NoSuchId}/Enrolment?handler=Enrol", Credential.Cookie, SeekersReachNothing),
        ["PAGE POST /Courses/Enrolment?handler=Progress"] = new("POST", $"/Courses/{NoSuchId}/Enrolment?handler=Progress", Credential.Cookie, SeekersReachNothing)
        {
            Form = new Dictionary<string, string> { ["Progress"] = "50" },
        },
        ["PAGE POST /Courses/Enrolment?handler=Complete"] = new("POST", $"/Courses/{NoSuchId}/Enrolment?handler=Complete", Credential.Cookie, SeekersReachNothing),
        ["PAGE POST /Courses/Enrolment?handler=Leave"] = new("POST", $"/Courses/{NoSuchId}/Enrolment?handler=Leave", Credential.Cookie, SeekersReachNothing),
        ["PAGE /Jobs/{id:guid}/Plan"] = new("GET", "/Jobs/{posting}/Plan", Credential.Cookie, JobSeekersOnly),
    };
}
