namespace Marketplace.Identity.Tests.Authorization;

public static partial class AuthorizationMatrix
{
    private static readonly Routes Courses = new()
    {
        ["GET /api/v1/skill-demand/"] = new("GET", "/api/v1/skill-demand", Credential.Bearer, AdminsOnly),
    };
}
