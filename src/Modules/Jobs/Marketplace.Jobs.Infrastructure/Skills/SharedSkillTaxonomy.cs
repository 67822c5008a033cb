using Marketplace.Jobs.Application.Skills;
using Marketplace.Matching.Contracts.Taxonomy;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Jobs.Infrastructure.Skills;

/// <summary>The taxonomy every module shares: the embedded one with the admins' overlay, kept by the matching module.</summary>
internal sealed class SharedSkillTaxonomy(ISkillsFacade skills) : ISkillTaxonomy
{
    public SkillTaxonomy Current => skills.Current;
}
