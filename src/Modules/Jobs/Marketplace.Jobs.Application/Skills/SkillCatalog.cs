using Marketplace.BuildingBlocks.Domain;
using Marketplace.Skills.Taxonomy;
using Marketplace.Skills.Text;

namespace Marketplace.Jobs.Application.Skills;

/// <summary>The taxonomy postings and searches resolve skills against; the infrastructure decides which one is current.</summary>
public interface ISkillTaxonomy
{
    SkillTaxonomy Current { get; }
}

/// <summary>A skill as pages and APIs show it.</summary>
public sealed record SkillRef(string SkillId, string Name);

/// <summary>
/// Skills as people write them: a canonical id, a name or any alias resolves to the canonical skill ("k8s" is Kubernetes);
/// text that names no skill, or several at once, is refused with a message naming the field, never stored as it is.
/// </summary>
public sealed class SkillCatalog(ISkillTaxonomy taxonomy)
{
    public const int MaxTextLength = 100;

    private SkillTaxonomy Taxonomy => taxonomy.Current;

    public Result<Skill> Resolve(string? text, string field)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Error.Validation(field, "Name the skill.");
        }

        if (Taxonomy.Find(trimmed.ToLowerInvariant()) is { } byId)
        {
            return byId;
        }

        var named = Taxonomy.Normalize(trimmed);
        if (named.Count == 1)
        {
            return named[0];
        }

        if (named.Count > 1)
        {
            return Error.Validation(field, $"'{trimmed}' names several skills ({string.Join(", ", named.Select(s => s.Name))}); list each on its own.");
        }

        var suggestions = Suggest(trimmed, 3);
        return Error.Validation(field, suggestions.Count > 0
            ? $"We do not know the skill '{trimmed}'. Did you mean {string.Join(" or ", suggestions.Select(s => s.Name))}?"
            : $"We do not know the skill '{trimmed}'; pick one from the suggestions or remove it.");
    }

    /// <summary>The one skill this text names exactly (an id, a name or an alias, versions and vendors aside); null otherwise, never a guess.</summary>
    public SkillRef? Recognize(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxTextLength)
        {
            return null;
        }

        var skill = Taxonomy.Find(trimmed.ToLowerInvariant()) ?? Taxonomy.NormalizeOne(trimmed);
        return skill is null ? null : new SkillRef(skill.Id, skill.Name);
    }

    public SkillRef? Find(string skillId) => Taxonomy.Find(skillId) is { } skill ? new SkillRef(skill.Id, skill.Name) : null;

    public string NameOf(string skillId) => Taxonomy.Find(skillId)?.Name ?? skillId;

    /// <summary>Skills for what was typed so far: names and aliases that start with it, the exact ones and the popular ones first.</summary>
    public IReadOnlyList<SkillRef> Suggest(string? text, int limit = 8)
    {
        var key = Tokenizer.Key(text);
        if (key.Length == 0)
        {
            return [];
        }

        if (Taxonomy.Normalize(text) is [var exact])
        {
            return [new SkillRef(exact.Id, exact.Name), .. Prefixed(key, limit - 1, exact)];
        }

        return Prefixed(key, limit, null);
    }

    private List<SkillRef> Prefixed(string key, int limit, Skill? except)
    {
        if (limit <= 0)
        {
            return [];
        }

        return [.. Taxonomy.Skills
            .Where(s => s != except)
            .Select(s => (Skill: s, Rank: Rank(s, key)))
            .Where(x => x.Rank < int.MaxValue)
            .OrderBy(x => x.Rank)
            .ThenByDescending(x => x.Skill.Popularity)
            .ThenBy(x => x.Skill.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(x => new SkillRef(x.Skill.Id, x.Skill.Name))];
    }

    private int Rank(Skill skill, string key)
    {
        var aliases = Taxonomy.AliasesOf(skill);
        var best = int.MaxValue;
        for (var a = 0; a < aliases.Count; a++)
        {
            var alias = aliases[a].Key;
            if (alias == key)
            {
                return 0;
            }

            if (alias.StartsWith(key, StringComparison.Ordinal))
            {
                best = Math.Min(best, a == 0 ? 1 : 2);
            }
            else if (alias.Contains(" " + key, StringComparison.Ordinal))
            {
                best = Math.Min(best, 3);
            }
        }

        return best;
    }
}
