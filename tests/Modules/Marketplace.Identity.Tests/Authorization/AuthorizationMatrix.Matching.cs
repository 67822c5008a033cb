namespace Marketplace.Identity.Tests.Authorization;

public static partial class AuthorizationMatrix
{
    /// <summary>A seeker's own matches only (the session or token names the seeker); the rematch console for admins.</summary>
    private static readonly Routes Matching = new()
    {
        ["PAGE /Matches"] = new("GET", "/Matches", Credential.Cookie, JobSeekersOnly),
        ["PAGE /Matches/Index"] = new("GET", "/Matches/Index", Credential.Cookie, JobSeekersOnly),
        ["PAGE /Admin/Matching"] = new("GET", "/Admin/Matching", Credential.Cookie, AdminsOnly),
        // The page's live progress (?handler=Progress) is a GET handler of the page and sits behind the same Admin policy.
        ["PAGE POST /Admin/Matching?handler=Start"] = new("POST", "/Admin/Matching?handler=Start", Credential.Cookie, AdminsOnly),
        ["PAGE /Matches/Digest"] = new("GET", "/Matches/Digest", Credential.Cookie, JobSeekersOnly),
        ["PAGE /Matches/Digest/Index"] = new("GET", "/Matches/Digest/Index", Credential.Cookie, JobSeekersOnly),
        ["PAGE POST /Matches/Digest/Index"] = new("POST", "/Matches/Digest", Credential.Cookie, JobSeekersOnly),
        // The signed token is the proof, no session: a forged one is refused alike for everyone.
        ["PAGE /Matches/Digest/Unsubscribe"] = new("GET", "/Matches/Digest/Unsubscribe?token=forged", Credential.Cookie, Everyone),
        ["PAGE POST /Matches/Digest/Unsubscribe"] = new("POST", "/Matches/Digest/Unsubscribe?token=forged", Credential.Cookie, Everyone) { WithoutAntiforgery = true },

        ["GET /api/v1/me/matches/"] = new("GET", "/api/v1/me/matches", Credential.Bearer, JobSeekersOnly),
        // The probing seekers have no profile in matching: no match to explain.
        ["GET /api/v1/me/matches/{postingId:guid}"] = new("GET", "/api/v1/me/matches/{posting}", Credential.Bearer, [S, N, N, F, F, F]),
    };
}
