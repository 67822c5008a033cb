using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Domain.Postings;

namespace Marketplace.Jobs.Domain.SavedSearches;

/// <summary>How often a saved search mails what is new; <see cref="Off"/> keeps the search without mail.</summary>
public enum AlertFrequency { Off, Instant, Daily, Weekly }

/// <summary>A search as a person set it up: the words, skills as they wrote them, and the filters.</summary>
public sealed record SearchCriteria(
    string? Text,
    IReadOnlyList<string> Skills,
    IReadOnlyList<WorkMode> WorkModes,
    IReadOnlyList<Seniority> Seniorities,
    string? Country,
    decimal? MinSalary,
    string? Currency)
{
    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Text) && Skills.Count == 0 && WorkModes.Count == 0 && Seniorities.Count == 0
        && Country is null && MinSalary is null;
}

/// <summary>
/// A seeker's saved search and its alerts. <see cref="AnnouncedUpTo"/> is a high-water mark over the postings'
/// announcement sequence: an alert names only postings above it and moves it, in the same transaction as its mail, so no
/// posting is announced twice, whatever crashes or retries happen between sweeps.
/// </summary>
public sealed class SavedSearch : AggregateRoot<Guid>
{
    public const int MaxNameLength = 200;
    public const int MaxPerPerson = 20;

    /// <summary>"As new postings appear" still waits this long between two mails, so a burst of postings makes one digest.</summary>
    public static readonly TimeSpan InstantInterval = TimeSpan.FromMinutes(10);

    /// <summary>Daily and weekly digests go out at this hour (UTC); weekly ones on Mondays.</summary>
    public const int DigestHourUtc = 7;

    private SavedSearch()
    {
    }

    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";
    public SearchCriteria Criteria { get; private set; } = null!;
    public AlertFrequency Frequency { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastAlertAt { get; private set; }
    public DateTimeOffset? NextAlertAt { get; private set; }
    public long AnnouncedUpTo { get; private set; }

    public static Result<SavedSearch> Save(
        Guid id, Guid userId, string? name, SearchCriteria criteria, AlertFrequency frequency, long announcedUpTo, int alreadySaved, DateTimeOffset now)
    {
        if (criteria.IsEmpty)
        {
            return Error.Validation("Criteria", "Search for something (words, skills or a filter) before saving the search.");
        }

        if (alreadySaved >= MaxPerPerson)
        {
            return Error.Conflict("saved_search.limit", $"You can keep at most {MaxPerPerson} saved searches; delete one first.");
        }

        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxNameLength)
        {
            return Error.Validation("Name", $"Name the search (1 to {MaxNameLength} characters).");
        }

        var search = new SavedSearch
        {
            Id = id,
            UserId = userId,
            Name = trimmed,
            Criteria = criteria,
            CreatedAt = now,
            AnnouncedUpTo = announcedUpTo,
        };
        search.ChangeFrequency(frequency, now);
        return search;
    }

    public bool IsDue(DateTimeOffset now) => Frequency != AlertFrequency.Off && NextAlertAt <= now;

    public void ChangeFrequency(AlertFrequency frequency, DateTimeOffset now)
    {
        Frequency = frequency;
        NextAlertAt = frequency switch
        {
            AlertFrequency.Off => null,
            // The first instant alert may go as soon as something new appears.
            AlertFrequency.Instant => now,
            _ => NextDigestTime(frequency, now),
        };
    }

    /// <summary>The person asked for no more mail from this search (one-click unsubscribe); the search itself stays.</summary>
    public void Unsubscribe() => ChangeFrequency(AlertFrequency.Off, DateTimeOffset.MinValue);

    /// <summary>
    /// A sweep looked at everything announced up to <paramref name="upTo"/> for this search; <paramref name="mailed"/> says
    /// whether that made a mail. The mark never goes back.
    /// </summary>
    public void RecordSweep(long upTo, bool mailed, DateTimeOffset now)
    {
        AnnouncedUpTo = Math.Max(AnnouncedUpTo, upTo);
        if (mailed)
        {
            LastAlertAt = now;
        }

        NextAlertAt = Frequency switch
        {
            AlertFrequency.Off => null,
            // Nothing was sent: the next new posting may go out at once.
            AlertFrequency.Instant => mailed ? now + InstantInterval : now,
            _ => NextDigestTime(Frequency, now),
        };
    }

    /// <summary>The first digest time strictly after <paramref name="now"/>: the next 07:00 UTC, on a Monday for weekly.</summary>
    public static DateTimeOffset NextDigestTime(AlertFrequency frequency, DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var next = new DateTimeOffset(utc.Year, utc.Month, utc.Day, DigestHourUtc, 0, 0, TimeSpan.Zero);
        if (next <= utc)
        {
            next = next.AddDays(1);
        }

        if (frequency == AlertFrequency.Weekly)
        {
            while (next.DayOfWeek != DayOfWeek.Monday)
            {
                next = next.AddDays(1);
            }
        }

        return next;
    }
}
