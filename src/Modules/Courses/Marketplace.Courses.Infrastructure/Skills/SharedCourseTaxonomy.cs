using Marketplace.Courses.Application.Catalog;
using Marketplace.Matching.Contracts.Taxonomy;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Courses.Infrastructure.Skills;

/// <summary>The taxonomy every module shares: the embedded one with the admins' overlay, kept by the matching module.</summary>
internal sealed class SharedCourseTaxonomy(ISkillsFacade skills) : ICourseTaxonomy
{
    public SkillTaxonomy Current => skills.Current;
}
