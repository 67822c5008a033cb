using System.Net;
using Marketplace.Courses.Tests.Fixtures;
using Marketplace.Testing;

namespace Marketplace.Courses.Tests.Pages;

[Collection(CoursesCollection.Name)]
public sealed class CatalogPagesTests(CoursesFixture fixture)
{
    private MarketplaceApp App => fixture.App;

    [Fact]
    public async Task An_admin_adds_a_course_and_seekers_find_it_by_a_skill_as_they_write_it()
    {
        using var admin = await App.AdminAsync();
        var title = $"Kubernetes in Production {Guid.NewGuid():N}"[..40];
        var id = await admin.AddCourseAsync(title, "k8s:4, Docker", duration: "3 weeks", price: "129.50", level: "Intermediate");

        var page = await admin.PageAsync($"/Courses/{id}");
        page.QuerySelector("[data-testid=course-title]")!.TextContent.ShouldBe(title);
        page.QuerySelector("[data-testid=hours]")!.TextContent.ShouldBe("15 hours");
        page.QuerySelector("[data-testid=price]")!.TextContent.ShouldBe("129.50 USD");
        page.QuerySelectorAll("[data-testid=teaches] li").Select(li => li.TextContent).ShouldBe(["Kubernetes to level 4 (Advanced)", "Docker to level 3 (Working)"]);

        using var anonymous = ApiAccess.Browser(App);
        var search = await anonymous.GetStringAsync($"/Courses?skill=kubernetes&q={Uri.EscapeDataString(title[..30])}");
        search.ShouldContain(title);
        (await anonymous.GetStringAsync($"/Courses?skill=k8s&maxHours=10&q={Uri.EscapeDataString(title[..30])}")).ShouldNotContain(title);
        (await anonymous.GetStringAsync($"/Courses?skill=docker&level=Advanced&q={Uri.EscapeDataString(title[..30])}")).ShouldNotContain(title);
        (await anonymous.GetStringAsync($"/Courses?skill=docker&level=Intermediate&maxPrice=130&provider=Northwind%20Academy&q={Uri.EscapeDataString(title[..30])}")).ShouldContain(title);
        (await anonymous.GetStringAsync($"/Courses?skill=docker&maxPrice=100&q={Uri.EscapeDataString(title[..30])}")).ShouldNotContain(title);
    }

    [Fact]
    public async Task Bad_input_gets_a_message_next_to_its_field_and_nothing_is_stored()
    {
        using var admin = await App.AdminAsync();
        var before = await App.WithCoursesDbAsync(db => Task.FromResult(db.Courses.Count()));
        Dictionary<string, string> Form(string price) => new()
        {
            ["Input.Title"] = "Go for Backend Developers",
            ["Input.Provider"] = "Stackwise",
            ["Input.Link"] = "not-a-link",
            ["Input.Format"] = "SelfPaced",
            ["Input.Level"] = "Beginner",
            ["Input.Duration"] = "a while",
            ["Input.Price"] = price,
            ["Input.Currency"] = "USD",
            ["Input.Language"] = "en",
            ["Input.Skills"] = "Go, Frobnication",
        };

        using var response = await admin.PostAsync("/Admin/Courses/Edit", null, Form("cheap"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Visitor.ParseAsync(response);
        page.QuerySelector("[data-valmsg-for='Input.Price']")!.TextContent.ShouldContain("number");

        using var second = await admin.PostAsync("/Admin/Courses/Edit", null, Form("49"));
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = await Visitor.ParseAsync(second);
        errors.QuerySelector("[data-valmsg-for='Input.Duration']")!.TextContent.ShouldContain("could not be read");
        errors.QuerySelector("[data-valmsg-for='Input.Skills']")!.TextContent.ShouldContain("'Frobnication'");
        (await App.WithCoursesDbAsync(db => Task.FromResult(db.Courses.Count()))).ShouldBe(before);

        using var anonymous = ApiAccess.Browser(App);
        var unknown = await anonymous.GetStringAsync("/Courses?skill=frobnication");
        unknown.ShouldContain("We do not know the skill");
        (await anonymous.GetAsync("/Courses?maxHours=lots")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync($"/Courses/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_admins_keep_the_catalog_and_an_unlisted_course_is_out_of_seekers_sight()
    {
        using var admin = await App.AdminAsync();
        using var seeker = await App.SeekerAsync();
        var id = await admin.AddCourseAsync($"Redis Essentials {Guid.NewGuid():N}"[..30], "Redis");

        (await seeker.Browser.GetAsync("/Admin/Courses")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await seeker.Browser.PostAsync("/Admin/Courses?handler=List&id=" + id + "&listed=false", new FormUrlEncodedContent([]))).StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.Forbidden);

        using var unlist = await admin.PostAsync("/Admin/Courses", "List&id=" + id + "&listed=false", []);
        unlist.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await seeker.Browser.GetAsync($"/Courses/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.Browser.GetAsync($"/Courses/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await App.WithCoursesDbAsync(db => Task.FromResult(db.Courses.Single(c => c.Id == id).Listed))).ShouldBeFalse();
    }
}
