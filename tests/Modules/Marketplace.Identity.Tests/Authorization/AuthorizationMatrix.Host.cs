namespace Marketplace.Identity.Tests.Authorization;

public static partial class AuthorizationMatrix
{
    /// <summary>The host's own pages and endpoints: home, operations, API reference.</summary>
    private static readonly Routes Host = new()
    {
        ["PAGE /"] = new("GET", "/", Credential.Cookie, Everyone),
        ["PAGE /Index"] = new("GET", "/Index", Credential.Cookie, Everyone),
        ["ANY /hangfire/{**path}"] = new("GET", "/hangfire", Credential.Cookie, AdminsOnly),
        ["ANY /health/live"] = new("GET", "/health/live", Credential.Cookie, Everyone),
        ["ANY /health/ready"] = new("GET", "/health/ready", Credential.Cookie, Everyone),
        ["GET /openapi/{documentName}.json"] = new("GET", "/openapi/v1.json", Credential.Cookie, Everyone),
        ["GET /scalar/{documentName?}"] = new("GET", "/scalar", Credential.Cookie, Everyone),
        ["GET /scalar/scalar.js"] = new("GET", "/scalar/scalar.js", Credential.Cookie, Everyone),
        ["GET /scalar/scalar.aspnetcore.js"] = new("GET", "/scalar/scalar.aspnetcore.js", Credential.Cookie, Everyone),
        ["GET /scalar/favicon.svg"] = new("GET", "/scalar/favicon.svg", Credential.Cookie, Everyone),
    };
}
