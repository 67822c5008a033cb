using System.Globalization;
using Marketplace.BuildingBlocks.Application.Mail;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Domain.Digests;
using Mediator;

namespace Marketplace.Matching.Application.Digests;

/// <summary>
/// One seeker's weekly digest, from the weekly sweep: their best matches at or above the score they chose that no digest has
/// held, as one mail. The mail, the matches it holds and the sweep's mark are stored in one transaction under the digest's row
/// lock, so a retried job or a second server's sweep sends nothing twice, and a match is never in two digests.
/// </summary>
public sealed record SendMatchDigest(Guid ProfileId) : ICommand<Result<int>>;

public sealed class SendMatchDigestHandler(
    IMatchDigests digests,
    IMatchingFacade matching,
    IUserDirectory users,
    IDigestUnsubscribeTokens tokens,
    IMailOutbox mail,
    IPublicLinks links,
    TimeProvider clock) : ICommandHandler<SendMatchDigest, Result<int>>
{
    /// <summary>How many matches a digest lists at most; the rest are on the matches page.</summary>
    public const int Largest = 10;

    public async ValueTask<Result<int>> Handle(SendMatchDigest command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var digest = await digests.LockAsync(command.ProfileId, cancellationToken);
        if (!digest.IsDue(now)) return 0;
        digest.Swept(now);

        var best = await matching.MatchesOfProfileAsync(command.ProfileId, 1, 50, cancellationToken);
        var above = best.Items.Where(m => digest.Includes(m.Score)).ToList();
        if (above.Count == 0) return 0;
        var already = await digests.AlreadyDigestedAsync(command.ProfileId, [.. above.Select(m => m.PostingId)], cancellationToken);
        var fresh = above.Where(m => !already.Contains(m.PostingId)).Take(Largest).ToList();
        if (fresh.Count == 0) return 0;
        if ((await users.FindEmailsAsync([command.ProfileId], cancellationToken)).GetValueOrDefault(command.ProfileId) is not { } email) return 0;

        mail.Send(Digest(email, command.ProfileId, digest.MinimumScore, fresh));
        digests.AddDigested(fresh.Select(m => new DigestedMatch(command.ProfileId, m.PostingId, now)));
        return fresh.Count;
    }

    private MailMessage Digest(string to, Guid profileId, int minimumScore, IReadOnlyList<ProfileMatchView> matches) => new(
        to,
        matches.Count == 1 ? $"A new match for you: {matches[0].Title} at {matches[0].Company}" : $"{matches.Count} new matches for you this week",
        [string.Create(CultureInfo.InvariantCulture, $"These postings match your profile with a score of {minimumScore} or more, and no digest showed them before:")],
        new MailAction("See all your matches", links.Page("/Matches/Index")),
        "You receive this weekly digest because you have a profile on Marketplace. Change the score it needs, or turn it off, under Matches > Weekly digest.",
        [.. matches.Select(m => new MailItem($"{m.Title} at {m.Company}", links.Page("/Jobs/Details", new { id = m.PostingId }), Detail(m)))],
        links.Page("/Matches/Digest/Unsubscribe", new { token = tokens.For(profileId) }));

    private static string Detail(ProfileMatchView match)
    {
        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"Score {match.Score:0}") };
        if (match.Summary.Matched.Count > 0) parts.Add($"you have {string.Join(", ", match.Summary.Matched.Take(4))}");
        if (match.Summary.Missing.Count > 0) parts.Add($"missing {string.Join(", ", match.Summary.Missing.Take(3))}");
        return string.Join(" · ", parts);
    }
}
