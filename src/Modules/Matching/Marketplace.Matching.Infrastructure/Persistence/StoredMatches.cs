namespace Marketplace.Matching.Infrastructure.Persistence;

/// <summary>A posting on a profile's stored list, with its score; the list's order (score descending, then id) and the explanation are
/// made on read.</summary>
public sealed class StoredProfileMatch
{
    public Guid ProfileId { get; set; }
    public Guid PostingId { get; set; }
    public double Score { get; set; }
}

/// <summary>A profile on a posting's stored list of candidates.</summary>
public sealed class StoredCandidate
{
    public Guid PostingId { get; set; }
    public Guid ProfileId { get; set; }
    public double Score { get; set; }
}

/// <summary>The one row saying up to which position of the change feed the stored lists are written.</summary>
public sealed class FeedState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long StoredThrough { get; set; }
}

/// <summary>One batch of a full rematch: a part of the postings (their candidates) or of the profiles (their postings).</summary>
public sealed class RematchBatch
{
    public Guid RunId { get; set; }
    public int Number { get; set; }
    public string Kind { get; set; } = "";
    public int Part { get; set; }
    public int Parts { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? DoneBy { get; set; }
}
