using Marketplace.Matching.Contracts.Taxonomy;
using Marketplace.Matching.Domain.Taxonomy;
using Marketplace.Skills.Text;

namespace Marketplace.Matching.Application.Taxonomy;

/// <summary>Which reported mentions belong in the queue: those the current taxonomy neither knows nor was told are not skills.</summary>
public sealed class UnknownMentionFilter(ISkillsFacade skills)
{
    public IReadOnlyList<string> Unknown(IEnumerable<string> mentions)
    {
        var taxonomy = skills.Current;
        return [.. mentions
            .Where(m => !string.IsNullOrWhiteSpace(m))
            .Select(m => m.Trim())
            .Where(m => m.Length <= UnknownMention.MaxKeyLength && Tokenizer.Key(m).Length > 0)
            .Where(m => taxonomy.Normalize(m).Count == 0 && !taxonomy.IsMarkedNotASkill(m))
            .DistinctBy(Tokenizer.Key)];
    }
}
