using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Jobs.Domain.Postings;

/// <summary>
/// A job posting and its life: drafted, published (found by search for 30 days unless renewed), closed as filled or
/// withdrawn, expired, or put on hold by a moderator. Every change moves <see cref="Revision"/>, which is both the
/// optimistic-concurrency token a client sends back and the order of the events other modules receive.
/// </summary>
public sealed class JobPosting : AggregateRoot<Guid>
{
    public const int MaxTitleLength = 200;
    public const int MaxCompanyLength = 200;
    public const int MaxDescriptionLength = 20_000;
    public const int MaxCityLength = 100;
    public const int MaxHoldReasonLength = 1_000;

    /// <summary>How long a publication lasts; renewing starts it again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    /// <summary>How long before expiry the employer is warned by mail.</summary>
    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(3);

    private IReadOnlyList<PostingSkill> _skills = [];
    private IReadOnlyList<Place> _locations = [];
    private IReadOnlyList<string> _acceptedCountries = [];

    private JobPosting()
    {
    }

    /// <summary>The employer who created the posting; null once their account is deleted.</summary>
    public Guid? EmployerId { get; private set; }

    /// <summary>The company that owns the posting (every member manages it); null for an employer without a company.</summary>
    public Guid? CompanyId { get; private set; }

    public string Title { get; private set; } = "";
    public string Company { get; private set; } = "";

    /// <summary>Markdown, as the employer wrote it; rendered and sanitized where it is shown.</summary>
    public string? Description { get; private set; }

    public Seniority Seniority { get; private set; }
    public WorkMode WorkMode { get; private set; }
    public IReadOnlyList<Place> Locations => _locations;

    /// <summary>The countries a remote posting accepts people from; empty for a remote posting open to anywhere.</summary>
    public IReadOnlyList<string> AcceptedCountries => _acceptedCountries;

    public Salary Salary { get; private set; } = null!;
    public IReadOnlyList<PostingSkill> Skills => _skills;

    public PostingStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the posting was first published; renewing does not change it, so "newest" cannot be gamed.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? ExpiryWarnedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public ClosingReason? ClosingReason { get; private set; }
    public DateTimeOffset? HeldAt { get; private set; }
    public string? HoldReason { get; private set; }

    public int Revision { get; private set; }

    public IEnumerable<PostingSkill> RequiredSkills => _skills.Where(s => s.Required);

    public IEnumerable<PostingSkill> NiceToHaveSkills => _skills.Where(s => !s.Required);

    /// <summary>Whether people outside the company may read it: a draft or a posting on hold is theirs (and the moderators') alone.</summary>
    public bool IsPublic => Status is PostingStatus.Published or PostingStatus.Closed or PostingStatus.Expired;

    public bool CanBePublished => Status == PostingStatus.Draft;

    public bool CanBeRenewed => Status is PostingStatus.Published or PostingStatus.Expired;

    public bool CanBeClosed => Status is PostingStatus.Published or PostingStatus.Expired or PostingStatus.OnHold;

    /// <summary>A new draft; nobody outside the company sees it until it is published.</summary>
    public static Result<JobPosting> Draft(Guid id, PostingDetails details, Guid? employerId, Guid? companyId, DateTimeOffset now)
    {
        var errors = Check(details);
        if (errors.Count > 0)
        {
            return Result<JobPosting>.Failure(errors);
        }

        var posting = new JobPosting
        {
            Id = id,
            EmployerId = employerId,
            CompanyId = companyId,
            Status = PostingStatus.Draft,
            CreatedAt = now,
            Revision = 1,
        };
        posting.Apply(details, now);
        return posting;
    }

    /// <summary>Changes what the posting says; a closed posting is history and stays as it was.</summary>
    public Result Edit(PostingDetails details, DateTimeOffset now)
    {
        if (Status == PostingStatus.Closed)
        {
            return Refused("posting.closed", "This posting is closed; it can no longer be edited.");
        }

        var errors = Check(details);
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        Apply(details, now);
        Revision++;
        return Result.Success();
    }

    /// <summary>A draft goes live for <see cref="Lifetime"/>.</summary>
    public Result Publish(DateTimeOffset now)
    {
        if (!CanBePublished)
        {
            return Refused("posting.not_draft", Status == PostingStatus.Expired
                ? "This posting has expired; renew it to publish it again."
                : $"Only a draft can be published; this posting is {Describe(Status)}.");
        }

        Status = PostingStatus.Published;
        PublishedAt = now;
        StartLifetime(now);
        return Changed(now);
    }

    /// <summary>A published or expired posting runs for another <see cref="Lifetime"/> from now.</summary>
    public Result Renew(DateTimeOffset now)
    {
        if (!CanBeRenewed)
        {
            return Refused("posting.not_renewable", $"Only a published or expired posting can be renewed; this posting is {Describe(Status)}.");
        }

        Status = PostingStatus.Published;
        StartLifetime(now);
        return Changed(now);
    }

    /// <summary>The employer closes the posting: the role is filled or no longer offered. Final.</summary>
    public Result Close(ClosingReason reason, DateTimeOffset now)
    {
        if (!CanBeClosed)
        {
            return Refused("posting.not_closable", Status == PostingStatus.Draft
                ? "A draft was never published, so there is nothing to close."
                : "This posting is already closed.");
        }

        Status = PostingStatus.Closed;
        ClosingReason = reason;
        ClosedAt = now;
        return Changed(now);
    }

    /// <summary>A published posting whose time is up leaves the search; the employer may renew it.</summary>
    public Result Expire(DateTimeOffset now)
    {
        if (Status != PostingStatus.Published)
        {
            return Refused("posting.not_published", $"Only a published posting expires; this posting is {Describe(Status)}.");
        }

        if (ExpiresAt > now)
        {
            return Refused("posting.not_due", $"This posting runs until {ExpiresAt:yyyy-MM-dd HH:mm} UTC.");
        }

        Status = PostingStatus.Expired;
        return Changed(now);
    }

    /// <summary>
    /// Whether the employer should now be told the posting is about to expire: published, within <see cref="ExpiryWarning"/>
    /// of its end, and not yet warned during this publication. Marks it warned; bookkeeping, so the revision stays.
    /// </summary>
    public bool WarnOfExpiry(DateTimeOffset now)
    {
        if (Status != PostingStatus.Published || ExpiryWarnedAt is not null || ExpiresAt is not { } expires || now < expires - ExpiryWarning || now >= expires)
        {
            return false;
        }

        ExpiryWarnedAt = now;
        return true;
    }

    /// <summary>A moderator takes a published posting out of sight, saying why.</summary>
    public Result Hold(string? reason, DateTimeOffset now)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxHoldReasonLength)
        {
            return Error.Validation("Reason", $"Say why the posting is put on hold (1 to {MaxHoldReasonLength} characters); the employer reads it.");
        }

        if (Status != PostingStatus.Published)
        {
            return Refused("posting.not_published", $"Only a published posting can be put on hold; this posting is {Describe(Status)}.");
        }

        Status = PostingStatus.OnHold;
        HeldAt = now;
        HoldReason = trimmed;
        return Changed(now);
    }

    /// <summary>A moderator releases a held posting; the time it spent on hold is added back to its publication.</summary>
    public Result Release(DateTimeOffset now)
    {
        if (Status != PostingStatus.OnHold)
        {
            return Refused("posting.not_on_hold", $"Only a posting on hold can be released; this posting is {Describe(Status)}.");
        }

        Status = PostingStatus.Published;
        if (ExpiresAt is { } expires && HeldAt is { } held && now > held)
        {
            ExpiresAt = expires + (now - held);
        }

        HeldAt = null;
        HoldReason = null;
        return Changed(now);
    }

    /// <summary>The posting's invariants over what an employer states; field names are those of the request a client sends.</summary>
    public static IReadOnlyList<Error> Check(PostingDetails details)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(details.Title))
        {
            errors.Add(Error.Validation("Title", "A posting needs a title."));
        }

        if (string.IsNullOrWhiteSpace(details.Company))
        {
            errors.Add(Error.Validation("Company", "A posting needs the name of the company that hires."));
        }

        CheckSalary(details.Salary, errors);
        CheckPlaces(details, errors);
        CheckSkills(details.Skills, errors);
        return errors;
    }

    private static void CheckSalary(Salary? salary, List<Error> errors)
    {
        if (salary is null)
        {
            errors.Add(Error.Validation("Salary", "A posting states its salary range: minimum, maximum, currency and period."));
            return;
        }

        if (salary.Min <= 0)
        {
            errors.Add(Error.Validation("Salary.Min", "The minimum salary must be more than zero."));
        }

        if (salary.Max < salary.Min)
        {
            errors.Add(Error.Validation("Salary.Max", "The maximum salary must not be below the minimum."));
        }

        if (!IsoCodes.IsCurrency(salary.Currency))
        {
            errors.Add(Error.Validation("Salary.Currency", $"'{salary.Currency}' is not a currency code we know; use ISO 4217, e.g. EUR, USD, GBP."));
        }
    }

    private static void CheckPlaces(PostingDetails details, List<Error> errors)
    {
        if (details.WorkMode != WorkMode.Remote && details.Locations.Count == 0)
        {
            errors.Add(Error.Validation("Locations", "An on-site or hybrid posting names at least one place of work."));
        }

        for (var i = 0; i < details.Locations.Count; i++)
        {
            var place = details.Locations[i];
            if (string.IsNullOrWhiteSpace(place.City))
            {
                errors.Add(Error.Validation($"Locations[{i}].City", "Name the city."));
            }

            if (!IsoCodes.IsCountry(place.Country))
            {
                errors.Add(Error.Validation($"Locations[{i}].Country", $"'{place.Country}' is not a country code we know; use ISO 3166, e.g. DE, NL, GB."));
            }
        }

        if (details.WorkMode != WorkMode.Remote && details.AcceptedCountries.Count > 0)
        {
            errors.Add(Error.Validation("AcceptedCountries", "Only a remote posting lists the countries it accepts people from."));
        }

        for (var i = 0; i < details.AcceptedCountries.Count; i++)
        {
            if (!IsoCodes.IsCountry(details.AcceptedCountries[i]))
            {
                errors.Add(Error.Validation($"AcceptedCountries[{i}]", $"'{details.AcceptedCountries[i]}' is not a country code we know; use ISO 3166, e.g. DE, NL, GB."));
            }
        }
    }

    private static void CheckSkills(IReadOnlyList<PostingSkill> skills, List<Error> errors)
    {
        if (!skills.Any(s => s.Required))
        {
            errors.Add(Error.Validation("Skills", "A posting needs at least one required skill."));
        }

        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < skills.Count; i++)
        {
            var skill = skills[i];
            if (skill.MinLevel is < 1 or > PostingSkill.MaxLevel)
            {
                errors.Add(Error.Validation($"Skills[{i}].MinLevel", $"A skill's minimum level runs from 1 to {PostingSkill.MaxLevel}."));
            }

            if (skill.Weight is < 1 or > PostingSkill.MaxWeight)
            {
                errors.Add(Error.Validation($"Skills[{i}].Weight", $"A skill's weight runs from 1 to {PostingSkill.MaxWeight}."));
            }

            if (skill.Dealbreaker && !skill.Required)
            {
                errors.Add(Error.Validation($"Skills[{i}].Dealbreaker", "Only a required skill can be a dealbreaker."));
            }

            // One name for a duplicate: the later mention, pointing at the first, whichever list each is in.
            if (!firstSeen.TryAdd(skill.SkillId, i))
            {
                errors.Add(Error.Validation($"Skills[{i}].Skill", $"This is the same skill as skill {firstSeen[skill.SkillId] + 1} ({skill.SkillId}); list each skill once."));
            }
        }
    }

    private void Apply(PostingDetails details, DateTimeOffset now)
    {
        Title = details.Title.Trim();
        Company = details.Company.Trim();
        Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        Seniority = details.Seniority;
        WorkMode = details.WorkMode;
        _locations = [.. details.Locations.Select(p => new Place(p.City.Trim(), p.Country.ToUpperInvariant()))];
        _acceptedCountries = [.. details.AcceptedCountries.Select(c => c.ToUpperInvariant()).Distinct()];
        Salary = details.Salary! with { Currency = details.Salary.Currency.ToUpperInvariant() };
        _skills = [.. details.Skills];
        UpdatedAt = now;
    }

    private void StartLifetime(DateTimeOffset now)
    {
        ExpiresAt = now + Lifetime;
        ExpiryWarnedAt = null;
    }

    private Result Changed(DateTimeOffset now)
    {
        UpdatedAt = now;
        Revision++;
        return Result.Success();
    }

    private static Result Refused(string code, string message) => Error.Conflict(code, message);

    private static string Describe(PostingStatus status) => status switch
    {
        PostingStatus.Draft => "a draft",
        PostingStatus.Published => "published",
        PostingStatus.Closed => "closed",
        PostingStatus.Expired => "expired",
        _ => "on hold",
    };
}
