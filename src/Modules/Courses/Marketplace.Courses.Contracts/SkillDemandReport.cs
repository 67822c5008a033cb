namespace Marketplace.Courses.Contracts;

/// <summary>How many postings published in a period asked for a skill (canonical taxonomy id), required or nice to have.</summary>
public sealed record SkillDemandCount(string SkillId, int Postings, int Required);

/// <summary>The skill demand the Courses module counts from published postings, for other modules' pages (the home page's chart).</summary>
public interface ISkillDemandReport
{
    /// <summary>The skills most postings asked for in the last <paramref name="days"/> days, most asked-for first.</summary>
    Task<IReadOnlyList<SkillDemandCount>> MostAskedForAsync(int days, int count, CancellationToken cancellationToken);
}
