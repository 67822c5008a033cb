using Marketplace.Courses.Infrastructure.Demo;
using Marketplace.Courses.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Courses.Tests.Demo;

/// <summary>On a database of its own: the demo catalog would change what the shared collection's plans find.</summary>
public sealed class DemoCoursesTests(CoursesFixture fixture) : IClassFixture<CoursesFixture>
{
    [Fact]
    public async Task The_demo_catalog_is_hundreds_of_courses_across_the_taxonomy_and_seeding_twice_adds_nothing()
    {
        var seeker = Guid.NewGuid();
        var added = await CoursesDemoData.SeedAsync(fixture.App.Services, [seeker], CancellationToken.None);
        var again = await CoursesDemoData.SeedAsync(fixture.App.Services, [seeker], CancellationToken.None);

        added.ShouldBeInRange(300, 600);
        again.ShouldBe(0);
        var (courses, skills, providers, enrolments) = await fixture.App.WithCoursesDbAsync(async db => (
            await db.Courses.CountAsync(),
            (await db.Courses.Select(c => c.SkillIds).ToListAsync()).SelectMany(s => s).Distinct().Count(),
            await db.Courses.Select(c => c.Provider).Distinct().CountAsync(),
            await db.Enrolments.CountAsync(e => e.SeekerId == seeker)));
        courses.ShouldBe(added);
        skills.ShouldBeGreaterThanOrEqualTo(140);
        providers.ShouldBe(10);
        enrolments.ShouldBe(2);
    }
}
