using Marketplace.Jobs.Domain.Postings;

namespace Marketplace.Jobs.Application.Search;

/// <summary>How results are ordered; BestMatch (a signed-in job seeker's scores from the Matching module) only for job seekers.</summary>
public enum SearchSort { Relevance, Newest, Salary, BestMatch }

/// <summary>
/// Where the previous page ended, in the order's own terms (keyset paging): the next page starts strictly after it, so
/// postings published in between never shift or repeat what a reader has already seen.
/// </summary>
public sealed record SearchPosition(SearchSort Sort, float Rank, DateTimeOffset PublishedAt, bool OtherCurrency, decimal YearlyMax, Guid Id)
{
    /// <summary>
    /// For relevance over words: the publication time of the oldest posting in the top set the first page ranked. Later pages
    /// rank every match from then on, so postings published meanwhile cannot push one of that set out before it was shown.
    /// </summary>
    public DateTimeOffset? WindowFrom { get; init; }
}

/// <summary>A search as the store runs it: every filter resolved (skills to ids, codes upper-cased), nothing left to interpret.</summary>
public sealed record PostingSearchQuery(
    SearchText Text,
    IReadOnlyList<string> SkillIds,
    IReadOnlyList<WorkMode> WorkModes,
    IReadOnlyList<Seniority> Seniorities,
    string? Country,
    decimal? MinYearlySalary,
    string? Currency,
    DateTimeOffset? PublishedSince,
    SearchSort Sort,
    string SortCurrency,
    SearchPosition? After,
    int PageSize,
    bool Facets)
{
    /// <summary>Only postings announced above this mark and up to <see cref="AnnouncedUpTo"/> (the alert sweep's window).</summary>
    public long? AnnouncedAfter { get; init; }

    public long? AnnouncedUpTo { get; init; }

    /// <summary>Only postings first published at or after this time (an alert names nothing older than its saved search).</summary>
    public DateTimeOffset? FirstPublishedSince { get; init; }

    /// <summary>For <see cref="SearchSort.BestMatch"/>: the seeker's best postings and their scores; postings not among them follow, newest first.</summary>
    public IReadOnlyList<ScoredPosting> MatchScores { get; init; } = [];
}

/// <summary>A posting's match score for the seeker searching.</summary>
public sealed record ScoredPosting(Guid PostingId, float Score);

/// <summary>
/// Where a search stops counting, so that its cost follows the page and not the number of matches (as large job boards do):
/// the total up to <see cref="Count"/> ("1,000+ jobs"), facets over <see cref="FacetSample"/> of the matches (the first the index gives), relevance
/// over the newest <see cref="RelevanceDepth"/> matches.
/// </summary>
public static class PostingSearchCaps
{
    public const int Count = 1_000;
    public const int FacetSample = 500;
    public const int RelevanceDepth = 500;
}

/// <summary>One result, as a card shows it.</summary>
public sealed record PostingHit(
    Guid Id,
    string Title,
    string Company,
    Seniority Seniority,
    WorkMode WorkMode,
    IReadOnlyList<Place> Locations,
    IReadOnlyList<string> AcceptedCountries,
    Salary Salary,
    IReadOnlyList<PostingSkill> Skills,
    DateTimeOffset PublishedAt,
    float Rank,
    bool OtherCurrency,
    decimal YearlyMax)
{
    /// <summary>For relevance over words: the publication time of the oldest posting of the ranked top set (see <see cref="SearchPosition.WindowFrom"/>).</summary>
    public DateTimeOffset? WindowFrom { get; init; }
}

/// <summary>How many postings of the search have a value, counted with every other filter applied (so the counts of unchosen values say what choosing them would give).</summary>
public sealed record FacetCount(string Value, int Count);

public sealed record PostingSearchFacets(IReadOnlyList<FacetCount> WorkModes, IReadOnlyList<FacetCount> Seniorities, IReadOnlyList<FacetCount> Skills)
{
    /// <summary>Counted over a sample of the matches because more matched than a search counts one by one.</summary>
    public bool Approximate { get; init; }
}

/// <summary>A page of results; <see cref="Total"/> counts the matches up to a cap, and <see cref="TotalCapped"/> says more matched.</summary>
public sealed record PostingSearchPage(IReadOnlyList<PostingHit> Hits, bool HasMore, int? Total, PostingSearchFacets? Facets)
{
    public bool TotalCapped { get; init; }
}

/// <summary>Runs searches over published postings; implemented by the Jobs infrastructure on PostgreSQL full-text search.</summary>
public interface IPostingSearch
{
    Task<PostingSearchPage> SearchAsync(PostingSearchQuery query, CancellationToken cancellationToken);

    /// <summary>The highest announcement mark so far, for a new saved search to start from.</summary>
    Task<long> AnnouncedUpToAsync(CancellationToken cancellationToken);
}
