using Marketplace.Jobs.Application.Search;
using Marketplace.Jobs.Domain.Postings;

namespace Marketplace.Jobs.Infrastructure.Search.Index;

/// <summary>A posting row as the feed reads it: <see cref="Posting"/> is null when the posting is not published.</summary>
internal sealed record PostingRow(Guid Id, ulong Xid, IndexedPosting? Posting);

/// <summary>A published posting as the index holds it: the card it shows, what filters read, and its two vectors.</summary>
internal sealed class IndexedPosting
{
    public required PostingHit Hit { get; init; }

    public required ulong Xid { get; init; }

    public Guid Id => Hit.Id;

    public DateTimeOffset PublishedAt => Hit.PublishedAt;

    public WorkMode WorkMode => Hit.WorkMode;

    public Seniority Seniority => Hit.Seniority;

    public string Currency => Hit.Salary.Currency;

    public decimal YearlyMax => Hit.YearlyMax;

    public required string[] SkillIds { get; init; }

    /// <summary>The whole search document as read (matching, phrases), until the index turns it into <see cref="Document"/>.</summary>
    public List<(string Lexeme, ushort[] Positions)>? DocumentText { get; set; }

    /// <summary>The head without the description as read (ranking), until the index turns it into <see cref="Head"/>.</summary>
    public List<(string Lexeme, ushort[] Positions)>? HeadText { get; set; }

    public LexemeVector Document { get; set; } = LexemeVector.Empty;

    public LexemeVector Head { get; set; } = LexemeVector.Empty;
}

/// <summary>
/// A snapshot of the transactions as PostgreSQL saw them when the feed was read (pg_current_snapshot): every transaction
/// below <see cref="Xmax"/> and not in <see cref="Running"/> had ended. Rows that later reads need are those stamped at or
/// above Xmax or by one of Running, a small range and a few lookups of the stamp's index, however long a transaction runs.
/// </summary>
internal sealed record FeedPosition(ulong Xmax, ulong[] Running)
{
    public static readonly FeedPosition Start = new(0, []);

    /// <summary>Later snapshots have a higher or equal xmax, and at an equal xmax no more running transactions.</summary>
    public bool IsAfter(FeedPosition other) => Xmax > other.Xmax || (Xmax == other.Xmax && Running.Length < other.Running.Length);

    /// <summary>The running transactions as a PostgreSQL array literal of xid8.</summary>
    public string RunningLiteral => "{" + string.Join(',', Running) + "}";
}
