using System.Globalization;
using Marketplace.BuildingBlocks.Application.Mail;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Postings.Mail;
using Marketplace.Jobs.Application.Search;
using Marketplace.Jobs.Application.Skills;
using Marketplace.Jobs.Domain.Postings;
using Marketplace.Jobs.Domain.SavedSearches;
using Mediator;

namespace Marketplace.Jobs.Application.SavedSearches.Alerts;

/// <summary>Gives newly published postings their place in the alerts' sequence and answers the high-water mark to announce up to.</summary>
public sealed record StampPostingAnnouncements : ICommand<Result<long>>;

public sealed class StampPostingAnnouncementsHandler(IAnnouncements announcements) : ICommandHandler<StampPostingAnnouncements, Result<long>>
{
    public async ValueTask<Result<long>> Handle(StampPostingAnnouncements command, CancellationToken cancellationToken) =>
        await announcements.StampAsync(cancellationToken);
}

/// <summary>
/// One person's alerts in one sweep: every due saved search looks for postings announced after its mark and up to
/// <see cref="UpTo"/>, and whatever they found goes out as one digest (each posting once, under the first search that
/// found it). The mail and every search's new mark are stored in the same transaction, so whatever happens after (a crash,
/// a retried job, a second server's sweep) no posting is announced to this person twice.
/// </summary>
public sealed record SendSavedSearchAlerts(Guid UserId, long UpTo) : ICommand<Result<int>>;

public sealed class SendSavedSearchAlertsHandler(
    ISavedSearchRepository searches,
    IPostingSearch postings,
    IUserDirectory users,
    IUnsubscribeTokens tokens,
    IMailOutbox mail,
    JobsLinks links,
    SkillCatalog skills,
    TimeProvider clock) : ICommandHandler<SendSavedSearchAlerts, Result<int>>
{
    /// <summary>How many postings of one search a digest lists; the rest are one click away.</summary>
    public const int PerSearch = 10;

    public async ValueTask<Result<int>> Handle(SendSavedSearchAlerts command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await searches.LockDueAsync(command.UserId, now, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var found = new List<(SavedSearch Search, IReadOnlyList<PostingHit> Hits, bool More)>();
        var seen = new HashSet<Guid>();
        foreach (var search in due)
        {
            if (search.AnnouncedUpTo >= command.UpTo)
            {
                continue;
            }

            var built = SearchPostingsHandler.Build(SearchPostings.From(search.Criteria) with { Sort = nameof(SearchSort.Newest), PageSize = PerSearch, Facets = false }, skills, now);
            if (built.IsFailure)
            {
                // A skill the taxonomy no longer knows: the search cannot run until its owner saves it again.
                continue;
            }

            var page = await postings.SearchAsync(
                built.Value with { AnnouncedAfter = search.AnnouncedUpTo, AnnouncedUpTo = command.UpTo, FirstPublishedSince = search.CreatedAt },
                cancellationToken);
            var fresh = page.Hits.Where(h => seen.Add(h.Id)).ToList();
            if (fresh.Count > 0)
            {
                found.Add((search, fresh, page.HasMore));
            }
        }

        var email = (await users.FindEmailsAsync([command.UserId], cancellationToken)).GetValueOrDefault(command.UserId);
        var mailed = found.Count > 0 && email is not null;
        if (mailed)
        {
            mail.Send(Digest(email!, command.UserId, found));
        }

        foreach (var search in due)
        {
            search.RecordSweep(command.UpTo, mailed && found.Any(f => f.Search == search), now);
        }

        return mailed ? found.Sum(f => f.Hits.Count) : 0;
    }

    private MailMessage Digest(string to, Guid userId, List<(SavedSearch Search, IReadOnlyList<PostingHit> Hits, bool More)> found)
    {
        var count = found.Sum(f => f.Hits.Count);
        var subject = found.Count == 1
            ? $"{Postings(count)} for \"{found[0].Search.Name}\""
            : $"{Postings(count)} for {found.Count} of your saved searches";
        var paragraphs = new List<string>
        {
            found.Count == 1
                ? $"New on Marketplace for your saved search \"{found[0].Search.Name}\":"
                : $"New on Marketplace for your saved searches {string.Join(", ", found.Select(f => $"\"{f.Search.Name}\""))}:",
        };
        if (found.Any(f => f.More))
        {
            paragraphs.Add("There are more than these; the button below shows them all.");
        }

        var items = found.SelectMany(f => f.Hits.Select(h => new MailItem(
            $"{h.Title} at {h.Company}",
            links.Posting(h.Id),
            Detail(h, found.Count > 1 ? f.Search.Name : null)))).ToList();
        return new MailMessage(
            to,
            subject,
            paragraphs,
            new MailAction("See your saved searches", links.SavedSearches()),
            "You receive this because you saved a search on Marketplace and asked for alerts. Change how often in your saved searches.",
            items,
            links.Unsubscribe(tokens.For(new AlertSubscription(userId, null))));
    }

    private static string Postings(int count) => count == 1 ? "1 new posting" : $"{count} new postings";

    private static string Detail(PostingHit hit, string? search)
    {
        var place = hit.WorkMode == WorkMode.Remote
            ? hit.AcceptedCountries.Count == 0 ? "Remote, anywhere" : $"Remote ({string.Join(", ", hit.AcceptedCountries)})"
            : $"{(hit.WorkMode == WorkMode.Hybrid ? "Hybrid" : "On-site")}, {string.Join(" / ", hit.Locations.Select(l => l.City))}";
        var salary = string.Create(CultureInfo.InvariantCulture, $"{hit.Salary.Min:#,0}–{hit.Salary.Max:#,0} {hit.Salary.Currency} a {hit.Salary.Period.ToString().ToLowerInvariant()}");
        var detail = $"{hit.Seniority} · {place} · {salary}";
        return search is null ? detail : $"{detail} · for \"{search}\"";
    }
}
