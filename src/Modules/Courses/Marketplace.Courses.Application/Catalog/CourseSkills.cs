using Marketplace.BuildingBlocks.Domain;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Courses.Application.Catalog;

/// <summary>The taxonomy the catalog resolves skills against; the infrastructure decides which one is current.</summary>
public interface ICourseTaxonomy
{
    SkillTaxonomy Current { get; }
}

/// <summary>A skill as pages show it.</summary>
public sealed record SkillName(string SkillId, string Name);

/// <summary>Skills as people write them, for the catalog's forms and searches: an id, a name or any alias.</summary>
public sealed class CourseSkills(ICourseTaxonomy taxonomy)
{
    public SkillTaxonomy Taxonomy => taxonomy.Current;

    public string NameOf(string skillId) => Taxonomy.Find(skillId)?.Name ?? skillId;

    /// <summary>Every skill the text names ("C#/.NET" names two), or an error on <paramref name="field"/> with suggestions.</summary>
    public Result<IReadOnlyList<Skill>> Resolve(string? text, string field)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Error.Validation(field, "Name the skill.");
        }

        if (trimmed.Length > 100)
        {
            return Error.Validation(field, "A skill's name is at most 100 characters.");
        }

        if (Taxonomy.Find(trimmed.ToLowerInvariant()) is { } byId)
        {
            return Result<IReadOnlyList<Skill>>.Success([byId]);
        }

        var named = Taxonomy.Normalize(trimmed);
        if (named.Count > 0)
        {
            return Result<IReadOnlyList<Skill>>.Success(named);
        }

        var suggestions = Taxonomy.Suggest(trimmed, 3);
        return Error.Validation(field, suggestions.Count > 0
            ? $"We do not know the skill '{trimmed}'. Did you mean {string.Join(" or ", suggestions.Select(s => s.Skill.Name))}?"
            : $"We do not know the skill '{trimmed}'.");
    }
}
