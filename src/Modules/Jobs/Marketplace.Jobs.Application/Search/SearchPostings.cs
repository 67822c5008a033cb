using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Postings;
using Marketplace.Jobs.Application.Skills;
using Marketplace.Jobs.Domain.Postings;
using Marketplace.Jobs.Domain.SavedSearches;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Contracts.Taxonomy;
using Mediator;

namespace Marketplace.Jobs.Application.Search;

/// <summary>
/// A job search as people use it: words (<see cref="SearchText"/> syntax), skills as they write them ("k8s, postgres"),
/// work modes, seniorities, a country, a least yearly salary in a currency, and how recently the posting went up; sorted by
/// relevance, newest or salary; one page at a time after <see cref="After"/>.
/// </summary>
public sealed record SearchPostings(
    string? Q = null,
    string? Skills = null,
    IReadOnlyList<string>? WorkMode = null,
    IReadOnlyList<string>? Seniority = null,
    string? Country = null,
    decimal? MinSalary = null,
    string? Currency = null,
    int? PostedWithin = null,
    string? Sort = null,
    string? After = null,
    int? PageSize = null,
    bool Facets = true) : IQuery<Result<SearchResultsDto>>
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 50;
    public const int MaxSkills = 10;
    public static readonly int[] PostedWithinDays = [1, 3, 7, 14, 30];

    /// <summary>The criteria a saved search keeps (the order and the page are not part of it).</summary>
    public SearchCriteria ToCriteria() => new(
        string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
        SearchSkills.Split(Skills),
        [.. (WorkMode ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => Enum.Parse<Domain.Postings.WorkMode>(m, ignoreCase: true)).Distinct()],
        [.. (Seniority ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => Enum.Parse<Domain.Postings.Seniority>(s, ignoreCase: true)).Distinct()],
        string.IsNullOrWhiteSpace(Country) ? null : Country.Trim().ToUpperInvariant(),
        MinSalary,
        MinSalary is null || string.IsNullOrWhiteSpace(Currency) ? null : Currency.Trim().ToUpperInvariant());

    public static SearchPostings From(SearchCriteria criteria) => new(
        criteria.Text,
        criteria.Skills.Count == 0 ? null : string.Join(", ", criteria.Skills),
        [.. criteria.WorkModes.Select(m => m.ToString())],
        [.. criteria.Seniorities.Select(s => s.ToString())],
        criteria.Country,
        criteria.MinSalary,
        criteria.Currency);
}

public sealed class SearchPostingsValidator : AbstractValidator<SearchPostings>
{
    public SearchPostingsValidator()
    {
        RuleFor(q => q.Q).MaximumLength(SearchText.MaxLength);
        RuleFor(q => q.Skills).MaximumLength(SkillCatalog.MaxTextLength * 4)
            .Must(s => SearchSkills.Split(s).Count <= SearchPostings.MaxSkills).WithMessage($"Search for at most {SearchPostings.MaxSkills} skills at once.");
        RuleForEach(q => q.WorkMode).IsEnumName(typeof(WorkMode), caseSensitive: false)
            .WithMessage($"A work mode is one of: {string.Join(", ", Enum.GetNames<WorkMode>())}.");
        RuleForEach(q => q.Seniority).IsEnumName(typeof(Seniority), caseSensitive: false)
            .WithMessage($"A seniority is one of: {string.Join(", ", Enum.GetNames<Seniority>())}.");
        RuleFor(q => q.Country).Must(IsoCodes.IsCountry).When(q => !string.IsNullOrWhiteSpace(q.Country))
            .WithMessage("A country is its two-letter ISO 3166 code, e.g. DE.");
        RuleFor(q => q.MinSalary).InclusiveBetween(0, 100_000_000);
        RuleFor(q => q.Currency).NotEmpty().When(q => q.MinSalary is not null)
            .WithMessage("Say which currency the minimum salary is in.");
        RuleFor(q => q.Currency).Must(IsoCodes.IsCurrency).When(q => !string.IsNullOrWhiteSpace(q.Currency))
            .WithMessage("A currency is its three-letter ISO 4217 code, e.g. EUR.");
        RuleFor(q => q.PostedWithin).Must(d => d is null || SearchPostings.PostedWithinDays.Contains(d.Value))
            .WithMessage($"Posted within is one of {string.Join(", ", SearchPostings.PostedWithinDays)} days.");
        RuleFor(q => q.Sort).IsEnumName(typeof(SearchSort), caseSensitive: false).When(q => !string.IsNullOrWhiteSpace(q.Sort))
            .WithMessage($"Sort is one of: {string.Join(", ", Enum.GetNames<SearchSort>())}.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, SearchPostings.MaxPageSize);
        RuleFor(q => q.After).MaximumLength(300);
    }
}

/// <summary>Skills in a search box are separated by commas ("k8s, postgres"); a skill name may hold spaces.</summary>
public static class SearchSkills
{
    public static IReadOnlyList<string> Split(string? skills) =>
        string.IsNullOrWhiteSpace(skills)
            ? []
            : [.. skills.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
}

public sealed record SearchSkillDto(string SkillId, string Name, bool Required);

public sealed record SearchHitDto(
    Guid Id,
    string Title,
    string Company,
    string Seniority,
    string WorkMode,
    IReadOnlyList<PlaceDto> Locations,
    IReadOnlyList<string> AcceptedCountries,
    SalaryDto Salary,
    IReadOnlyList<SearchSkillDto> Skills,
    DateTimeOffset PublishedAt)
{
    /// <summary>The searching seeker's match score (0 to 100) when sorted by best match; null otherwise and for postings beyond their best.</summary>
    public double? MatchScore { get; init; }
}

public sealed record FacetDto(string Value, string Label, int Count);

public sealed record SearchFacetsDto(IReadOnlyList<FacetDto> WorkMode, IReadOnlyList<FacetDto> Seniority, IReadOnlyList<FacetDto> Skills)
{
    /// <summary>True when the counts come from a sample of the matches (more matched than a search counts one by one).</summary>
    public bool Approximate { get; init; }
}

/// <summary>What the search understood: the skills it read in the words and in the skills field.</summary>
public sealed record SearchInterpretationDto(IReadOnlyList<SkillRef> SkillsInText, IReadOnlyList<SkillRef> Skills);

public sealed record SearchResultsDto(
    IReadOnlyList<SearchHitDto> Results,
    int? Total,
    string? Next,
    string Sort,
    SearchFacetsDto? Facets,
    SearchInterpretationDto Interpreted)
{
    /// <summary>True when more postings matched than <see cref="Total"/>, the cap a search counts up to ("1,000+ jobs").</summary>
    public bool TotalCapped { get; init; }
}

public sealed class SearchPostingsHandler(
    IPostingSearch search, SkillCatalog skills, ISkillsFacade taxonomy, IMatchingFacade matching, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<SearchPostings, Result<SearchResultsDto>>
{
    public const string DefaultCurrency = "EUR";

    /// <summary>How many of a seeker's best postings best-match order ranks by score (the rest follow, newest first).</summary>
    public const int BestMatchDepth = 500;

    public async ValueTask<Result<SearchResultsDto>> Handle(SearchPostings request, CancellationToken cancellationToken)
    {
        var built = Build(request, skills, clock.GetUtcNow());
        if (built.IsFailure)
        {
            // Skills people search for that we do not know go to the admins' queue; each hour of searching counts once per mention.
            var unknown = SearchSkills.Split(request.Skills).Where(t => skills.Recognize(t) is null && t.Length <= SkillCatalog.MaxTextLength).ToList();
            if (unknown.Count > 0)
            {
                await taxonomy.ReportUnknownAsync(UnknownMentionOrigin.Search, clock.GetUtcNow().ToString("yyyy-MM-ddTHH", System.Globalization.CultureInfo.InvariantCulture), unknown, cancellationToken);
            }

            return Result<SearchResultsDto>.Failure(built.Errors);
        }

        var query = built.Value;
        if (query.Sort == SearchSort.BestMatch)
        {
            // A seeker's profile id is their user id.
            if (currentUser.UserId is not { } seekerId || !currentUser.IsInRole(Roles.JobSeeker))
            {
                return Error.Validation("Sort", "Best match is for signed-in job seekers: sign in, or sort by relevance, newest or salary.");
            }

            var best = await matching.BestPostingsAsync(seekerId, BestMatchDepth, cancellationToken);
            query = query with { MatchScores = [.. best.Select(b => new ScoredPosting(b.PostingId, (float)b.Score))] };
        }

        var page = await search.SearchAsync(query, cancellationToken);
        var last = page.Hits.Count > 0 ? page.Hits[^1] : null;
        var next = page.HasMore && last is not null
            ? SearchCursor.Encode(new SearchPosition(query.Sort, last.Rank, last.PublishedAt, last.OtherCurrency, last.YearlyMax, last.Id)
            {
                WindowFrom = query.After?.WindowFrom ?? last.WindowFrom,
            })
            : null;
        return new SearchResultsDto(
            [.. page.Hits.Select(hit => ToDto(hit) with { MatchScore = query.Sort == SearchSort.BestMatch && hit.Rank >= 0 ? Math.Round(hit.Rank, 1) : null })],
            page.Total,
            next,
            query.Sort.ToString(),
            page.Facets is { } facets ? ToDto(facets) : null,
            new SearchInterpretationDto(
                [.. query.Text.Skills.Select(s => s.SkillId).Distinct().Select(id => new SkillRef(id, skills.NameOf(id)))],
                [.. query.SkillIds.Select(id => new SkillRef(id, skills.NameOf(id)))]))
        {
            TotalCapped = page.TotalCapped,
        };
    }

    /// <summary>From what someone asked for to what the store runs; skills that name nothing are refused, naming them.</summary>
    public static Result<PostingSearchQuery> Build(SearchPostings request, SkillCatalog skills, DateTimeOffset now)
    {
        var errors = new List<Error>();
        var skillIds = new List<string>();
        foreach (var text in SearchSkills.Split(request.Skills))
        {
            var skill = skills.Resolve(text, "Skills");
            if (skill.IsFailure)
            {
                errors.AddRange(skill.Errors);
            }
            else if (!skillIds.Contains(skill.Value.Id))
            {
                skillIds.Add(skill.Value.Id);
            }
        }

        var sort = string.IsNullOrWhiteSpace(request.Sort) ? (string.IsNullOrWhiteSpace(request.Q) ? SearchSort.Newest : SearchSort.Relevance)
            : Enum.Parse<SearchSort>(request.Sort, ignoreCase: true);
        if (!SearchCursor.TryDecode(request.After, out var after) || (after is not null && after.Sort != sort))
        {
            errors.Add(Error.Validation("After", "This page link is not one of this search's; start the search again."));
        }

        if (errors.Count > 0)
        {
            return Result<PostingSearchQuery>.Failure(errors);
        }

        var criteria = request.ToCriteria();
        var currency = string.IsNullOrWhiteSpace(request.Currency) ? null : request.Currency.Trim().ToUpperInvariant();
        return new PostingSearchQuery(
            SearchText.Parse(request.Q, skills),
            skillIds,
            criteria.WorkModes,
            criteria.Seniorities,
            criteria.Country,
            criteria.MinSalary,
            criteria.MinSalary is null ? null : currency,
            request.PostedWithin is { } days ? now.AddDays(-days) : null,
            sort,
            currency ?? DefaultCurrency,
            after,
            request.PageSize ?? SearchPostings.DefaultPageSize,
            request.Facets);
    }

    private SearchHitDto ToDto(PostingHit hit) => new(
        hit.Id,
        hit.Title,
        hit.Company,
        hit.Seniority.ToString(),
        hit.WorkMode.ToString(),
        [.. hit.Locations.Select(p => new PlaceDto(p.City, p.Country, IsoCodes.CountryName(p.Country)))],
        hit.AcceptedCountries,
        new SalaryDto(hit.Salary.Min, hit.Salary.Max, hit.Salary.Currency, hit.Salary.Period.ToString()),
        [.. hit.Skills.OrderByDescending(s => s.Required).ThenByDescending(s => s.Weight).Select(s => new SearchSkillDto(s.SkillId, skills.NameOf(s.SkillId), s.Required))],
        hit.PublishedAt);

    private SearchFacetsDto ToDto(PostingSearchFacets facets) => new(
        [.. facets.WorkModes.Select(f => new FacetDto(f.Value, SearchLabels.WorkMode(f.Value), f.Count))],
        [.. facets.Seniorities.Select(f => new FacetDto(f.Value, f.Value, f.Count))],
        [.. facets.Skills.Select(f => new FacetDto(f.Value, skills.NameOf(f.Value), f.Count))])
    {
        Approximate = facets.Approximate,
    };
}

/// <summary>Enumeration values as people read them.</summary>
public static class SearchLabels
{
    public static string WorkMode(string value) => value switch
    {
        nameof(Domain.Postings.WorkMode.OnSite) => "On-site",
        _ => value,
    };
}
