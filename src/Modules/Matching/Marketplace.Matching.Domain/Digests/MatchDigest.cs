using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Matching.Domain.Digests;

/// <summary>
/// A seeker's weekly digest of new matches: on or off, and the score a match must reach to be in it. A seeker who never chose
/// has the defaults (on, at <see cref="DefaultMinimumScore"/>); the row appears when they choose, or when a digest is sent.
/// </summary>
public sealed class MatchDigest : Entity<Guid>
{
    public const int DefaultMinimumScore = 70;

    public const int LowestMinimumScore = 1;

    public const int HighestMinimumScore = 100;

    /// <summary>A digest is due a week after the last; a little less, so a sweep that runs a few minutes early still sends.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(7) - TimeSpan.FromHours(6);

    private MatchDigest()
    {
    }

    private MatchDigest(Guid profileId)
    {
        Id = profileId;
    }

    public int MinimumScore { get; private set; } = DefaultMinimumScore;

    public bool Enabled { get; private set; } = true;

    public DateTimeOffset? LastSweptAt { get; private set; }

    public static MatchDigest Defaults(Guid profileId) => new(profileId);

    public static Result<MatchDigest> Choose(Guid profileId, bool enabled, int minimumScore)
    {
        var digest = new MatchDigest(profileId);
        var chosen = digest.Change(enabled, minimumScore);
        return chosen.IsFailure ? Result<MatchDigest>.Failure(chosen.Errors) : digest;
    }

    public Result Change(bool enabled, int minimumScore)
    {
        if (minimumScore is < LowestMinimumScore or > HighestMinimumScore)
        {
            return Result.Failure(Error.Validation("minimumScore", $"The score is between {LowestMinimumScore} and {HighestMinimumScore}."));
        }

        Enabled = enabled;
        MinimumScore = minimumScore;
        return Result.Success();
    }

    /// <summary>From the unsubscribe link: off, the threshold kept for when the seeker turns it on again.</summary>
    public void TurnOff() => Enabled = false;

    public bool IsDue(DateTimeOffset now) => Enabled && (LastSweptAt is not { } last || now - last >= Interval);

    /// <summary>A sweep looked at this seeker's matches (mail sent or not): the next look is a week on.</summary>
    public void Swept(DateTimeOffset now) => LastSweptAt = now;

    public bool Includes(double score) => score >= MinimumScore;
}

/// <summary>A match that was in a seeker's digest: it is never in one again, however its score moves.</summary>
public sealed class DigestedMatch
{
    private DigestedMatch()
    {
    }

    public DigestedMatch(Guid profileId, Guid postingId, DateTimeOffset sentAt)
    {
        ProfileId = profileId;
        PostingId = postingId;
        SentAt = sentAt;
    }

    public Guid ProfileId { get; private set; }

    public Guid PostingId { get; private set; }

    public DateTimeOffset SentAt { get; private set; }
}
