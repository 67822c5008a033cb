namespace Marketplace.Profiles.Application.Import;

/// <summary>
/// Reading a CV parses an untrusted file, the dearest request a seeker can send: each seeker may send this many CV
/// reads (uploads, pastes, confirmations) per window; the import page names the policy, the infrastructure enforces it.
/// </summary>
public static class CvReadingLimit
{
    public const string Policy = "profiles-cv-reading";

    public const int PerWindow = 30;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
}
