using Marketplace.Courses.Application.Catalog;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Courses.Infrastructure.Skills;

/// <summary>The skills library's embedded taxonomy, until the taxonomy issue gives admins an overlay the modules share.</summary>
internal sealed class EmbeddedCourseTaxonomy : ICourseTaxonomy
{
    public SkillTaxonomy Current => SkillTaxonomy.Embedded;
}
