using Marketplace.Jobs.Application.Skills;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Jobs.Infrastructure.Skills;

/// <summary>The skills library's embedded taxonomy, until admins keep an overlay of it (the matching module's issue).</summary>
internal sealed class EmbeddedSkillTaxonomy : ISkillTaxonomy
{
    public SkillTaxonomy Current => SkillTaxonomy.Embedded;
}
