namespace Marketplace.Identity.Contracts;

/// <summary>Named authorization policies other modules put on their pages and endpoints.</summary>
public static class AuthorizationPolicies
{
    /// <summary>A signed-in user (cookie) in the Admin role.</summary>
    public const string Admin = "Admin";

    /// <summary>A signed-in user (cookie) in the Employer role.</summary>
    public const string Employer = "Employer";

    /// <summary>A signed-in user (cookie) in the JobSeeker role.</summary>
    public const string JobSeeker = "JobSeeker";

    /// <summary>Any valid bearer access token issued by this server (for /api/v1/*).</summary>
    public const string Api = "Api";

    /// <summary>A bearer token of a user in the Admin role.</summary>
    public const string ApiAdmin = "Api:Admin";

    /// <summary>A bearer token carrying the scope <c>jobs:read</c>.</summary>
    public const string ApiJobsRead = "Api:" + ApiScopes.JobsRead;

    /// <summary>A bearer token of an employer (or an employer's client) carrying the scope <c>jobs:write</c>.</summary>
    public const string ApiJobsWrite = "Api:" + ApiScopes.JobsWrite;

    /// <summary>A bearer token of an employer (or an employer's client) carrying the scope <c>applications:read</c>.</summary>
    public const string ApiApplicationsRead = "Api:" + ApiScopes.ApplicationsRead;
}

/// <summary>The names of the public API's OAuth scopes; the modules that serve them declare them in their descriptors.</summary>
public static class ApiScopes
{
    public const string JobsRead = "jobs:read";
    public const string JobsWrite = "jobs:write";
    public const string ApplicationsRead = "applications:read";
}
