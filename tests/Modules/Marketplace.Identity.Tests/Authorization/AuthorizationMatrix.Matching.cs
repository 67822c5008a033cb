namespace Marketplace.Identity.Tests.Authorization;

public static partial class AuthorizationMatrix
{
    /// <summary>A seeker's own matches only (the session or token names the seeker); the rematch console for admins.</summary>
    private static readonly Routes Matching = new()
    {
        ["PAGE /Matches"] = new("GET", "/Matches", Credential.Cookie, JobSeekersOnly),
        ["PAGE /Matches/Index"] = new("GET", "/Matches/Index", Credential.Cookie, JobSeekersOnly),
        ["PAGE /Admin/Matching"] = new("GET", "/Admin/Matching", Credential.Cookie, AdminsOnly),
        ["PAGE POST /Admin/Matching?handler=Start"] = new("POST", "/Admin/Matching?handler=Start", Credential.Cookie, AdminsOnly),

        ["GET /api/v1/me/matches/"] = new("GET", "/api/v1/me/matches", Credential.Bearer, JobSeekersOnly),
        // The probing seekers have no profile in matching: no match to explain.
        ["GET /api/v1/me/matches/{postingId:guid}"] = new("GET", "/api/v1/me/matches/{posting}", Credential.Bearer, [S, N, N, F, F, F]),
    };
}
