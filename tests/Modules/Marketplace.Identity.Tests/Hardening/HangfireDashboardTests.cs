using System.Net;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Tests.Fixtures;
using Marketplace.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Identity.Tests.Hardening;

/// <summary>Every request comes from 127.0.0.1, as on the server itself: being local must not be enough.</summary>
public sealed class LocalRequestsAppFactory : IdentityAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new FromLoopback()));
    }

    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                context.Connection.LocalIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class HangfireDashboardTests(LocalRequestsAppFactory app) : IClassFixture<LocalRequestsAppFactory>
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var browser = app.CreateSession();
        using var response = await browser.Http.GetAsync("/hangfire");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/SignIn?ReturnUrl=%2Fhangfire");
    }

    [Theory]
    [InlineData(Roles.JobSeeker)]
    [InlineData(Roles.Employer)]
    public async Task Other_roles_get_403_even_from_localhost(string role)
    {
        var email = $"{role.ToLowerInvariant()}.dash@example.com";
        await app.CreateUserAsync(email, role);
        using var browser = app.CreateSession();
        await browser.SignInOrThrowAsync(email);
        using var response = await browser.Http.GetAsync("/hangfire");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var api = await browser.Http.GetAsync("/hangfire/stats");
        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Admins_see_the_dashboard()
    {
        await app.CreateUserAsync("ops@example.com", Roles.Admin);
        using var browser = app.CreateSession();
        await browser.SignInOrThrowAsync("ops@example.com");
        using var response = await browser.Http.GetAsync("/hangfire");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Marketplace jobs");
    }
}
