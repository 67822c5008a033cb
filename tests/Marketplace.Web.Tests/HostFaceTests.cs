using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Marketplace.Web.Tests;

public sealed class HostFaceTests(HostFaceTests.Fixture fixture) : IClassFixture<HostFaceTests.Fixture>
{
    private const string Secret = "secret-internal-detail-4711";

    private readonly HttpClient _client = fixture.App.CreateClient();

    [Fact]
    public async Task Liveness_answers_200()
    {
        var response = await _client.GetAsync("/health/live");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Readiness_checks_the_database_and_hangfire_storage_and_answers_200()
    {
        var response = await _client.GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_openapi_document_is_valid_json_and_describes_the_slice()
    {
        var response = await _client.GetAsync("/openapi/v1.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        root.GetProperty("openapi").GetString()!.ShouldStartWith("3.");
        root.GetProperty("info").GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        var paths = root.GetProperty("paths");
        paths.GetProperty("/api/v1/postings").GetProperty("post").GetProperty("requestBody").ValueKind.ShouldBe(JsonValueKind.Object);
        var edit = paths.GetProperty("/api/v1/postings/{id}").GetProperty("put").GetProperty("responses");
        edit.TryGetProperty("409", out _).ShouldBeTrue();
        edit.TryGetProperty("400", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/skill-demand").GetProperty("get").ValueKind.ShouldBe(JsonValueKind.Object);
    }

    [Fact]
    public async Task Scalar_serves_the_api_reference()
    {
        var response = await _client.GetAsync("/scalar");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public async Task The_home_page_renders_with_the_layout()
    {
        var html = await _client.GetStringAsync("/");

        html.ShouldContain("<title>Jobs for backend developers, matched by skills · Marketplace</title>");
        html.ShouldContain("Find work by what you can do");
    }

    [Fact]
    public async Task An_unknown_route_gets_404_problem_details()
    {
        var response = await _client.GetAsync("/api/v1/no-such-thing");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("instance").GetString().ShouldBe("/api/v1/no-such-thing");
    }

    [Fact]
    public async Task An_unhandled_exception_gets_500_problem_details_without_the_stack_trace()
    {
        var response = await _client.GetAsync("/test/throw");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        var body = problem.GetRawText();
        body.ShouldNotContain(Secret);
        body.ShouldNotContain(" at ");
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task The_hangfire_dashboard_sends_anonymous_visitors_to_sign_in()
    {
        // Admins only (the Identity tests cover the other roles, from localhost too).
        using var anonymous = fixture.App.CreateClient(new() { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/hangfire");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
    }

    [Fact]
    public void Invalid_options_stop_the_host_at_start_up()
    {
        using var app = new MarketplaceApp(fixture.Database.ConnectionString, new AppOptions
        {
            BackgroundServer = false,
            Settings = new Dictionary<string, string?> { ["BackgroundJobs:WorkerCount"] = "0" },
        });

        var failure = Should.Throw<Exception>(() => app.Server);

        failure.ToString().ShouldContain("WorkerCount");
    }

    [Fact]
    public async Task The_dashboard_lists_the_outbox_jobs_for_an_admin()
    {
        await using var app = new MarketplaceApp(fixture.Database.ConnectionString, new AppOptions { BackgroundServer = false });
        app.UseKestrel(0);
        app.StartServer();
        await app.CreateAccountAsync("dashboard.admin@example.com", Marketplace.BuildingBlocks.Application.Roles.Admin);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = app.ClientOptions.BaseAddress };
        await ApiAccess.SignInAsync(browser, "dashboard.admin@example.com");

        var recurring = await browser.GetStringAsync("/hangfire/recurring");

        recurring.ShouldContain("outbox-sweep");
        recurring.ShouldContain("Sweep every outbox");
    }

    public sealed class Fixture : MarketplaceFixture
    {
        public override AppOptions AppOptions => new()
        {
            BackgroundServer = false,
            Services = services => services.AddSingleton<IStartupFilter, ThrowingEndpoint>(),
        };
    }

    /// <summary>A route that fails the way a bug would, to see what leaves the server.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test/throw", branch => branch.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }
}
