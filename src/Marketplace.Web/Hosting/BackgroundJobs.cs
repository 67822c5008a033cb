using Hangfire;
using Hangfire.Dashboard;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Contracts;

namespace Marketplace.Web.Hosting;

/// <summary>The host's side of background jobs: Hangfire itself is a building block; the dashboard is for admins.</summary>
public static class BackgroundJobsDashboard
{
    public static WebApplicationBuilder AddBackgroundJobs(this WebApplicationBuilder builder)
    {
        Marketplace.BuildingBlocks.Infrastructure.BackgroundJobs.BackgroundJobs.AddBackgroundJobs(builder);

        // Admins only, from anywhere (localhost included); the endpoint's Admin policy below does the signing in.
        builder.Services.AddSingleton<IDashboardAuthorizationFilter, AdminOnlyDashboardFilter>();
        return builder;
    }

    /// <summary>
    /// The dashboard as an endpoint behind the Admin policy: anonymous visitors are sent to sign in, other roles get 403.
    /// </summary>
    public static WebApplication MapBackgroundJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = app.Services.GetServices<IDashboardAuthorizationFilter>().ToArray(),
                DashboardTitle = "Marketplace jobs",
                DisplayStorageConnectionString = false,
            })
            .RequireAuthorization(AuthorizationPolicies.Admin);
        return app;
    }
}

/// <summary>Checked by Hangfire itself too, so the dashboard stays closed even if it is mapped without the policy.</summary>
public sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
