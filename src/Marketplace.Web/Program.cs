using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Application.Behaviors;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.BuildingBlocks.Web;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Identity.Infrastructure;
using Marketplace.Identity.Web;
using Marketplace.Web.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// MARKETPLACE_DB (a full Npgsql connection string, as build/db.sh prints it) stands in for Database:ConnectionString.
if (string.IsNullOrWhiteSpace(builder.Configuration["Database:ConnectionString"])
    && Environment.GetEnvironmentVariable("MARKETPLACE_DB") is { Length: > 0 } database)
{
    builder.Configuration["Database:ConnectionString"] = database;
}

// `worker`: Hangfire servers and the hosted services without HTTP (Hosting/WorkerMode.cs).
var worker = WorkerMode.IsWorker(args);
if (worker)
{
    builder.UseWorkerMode();
}

builder.AddObservability();
builder.AddProblems();
builder.AddRequestLimits();

// Migrations run first among the hosted services: Hangfire's server and the outbox sweep need the tables.
builder.Services.AddHostedService<DatabaseMigrationHostedService>();

builder.AddModules(HostModules.All);

// No options.Assemblies: the source generator then finds the handlers of every referenced assembly, so the modules'
// descriptors stay the one list (tests/Marketplace.ArchitectureTests/CompositionTests.cs proves both agree).
builder.Services.AddMediator((Mediator.MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>)];
});

builder.Services.AddHttpContextAccessor();
builder.Services.TryAddScoped<ICurrentUser, HttpContextCurrentUser>();

builder.AddBackgroundJobs();
builder.AddHealth();
builder.AddApiDocument();
builder.Services.AddRazorPages();

var app = builder.Build();

// Commands for deployment and demos: `migrate` applies every module's migrations (and Hangfire's schema) and exits;
// `seed` does that, then seeds the demo accounts (in Development only) and the demo postings, idempotently; `create-admin` makes MARKETPLACE_ADMIN_EMAIL an admin with MARKETPLACE_ADMIN_PASSWORD.
if (args.Contains("migrate") || args.Contains("--migrate-only") || args.Contains("seed") || args.Contains("create-admin"))
{
    await DatabaseMigrationHostedService.MigrateAsync(app.Services, CancellationToken.None);
    app.Logger.LogInformation("Migrations applied.");
    await using var identityScope = app.Services.CreateAsyncScope();
    if (args.Contains("seed"))
    {
        await IdentityModule.SeedAsync(identityScope.ServiceProvider, demoAccounts: true, Console.Out, CancellationToken.None);
        await DemoData.SeedAsync(app.Services, app.Configuration, app.Logger, CancellationToken.None);
        await DemoProfiles.SeedAsync(app.Services, app.Configuration, app.Logger, CancellationToken.None);
        await DemoCourses.SeedAsync(app.Services, app.Logger, CancellationToken.None);
        await DemoApplications.SeedAsync(app.Services, app.Configuration, app.Logger, CancellationToken.None);
    }

    if (args.Contains("create-admin") && !await IdentityModule.CreateAdminAsync(identityScope.ServiceProvider, Console.Out, CancellationToken.None))
    {
        return 1;
    }

    return 0;
}

// Request logging outside the exception handler, so it logs the status the client got (a body that could not be read is a
// 400, not an error).
app.UseSerilogRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseRouting();
app.UseRequestLimits();
// Security headers, rate limits, a fresh session at sign-in, authentication and authorization.
app.UseIdentityModule();

app.MapHealth();
app.MapApiDocument();
app.MapBackgroundJobsDashboard();
app.MapRazorPages();

app.MapModules();

if (worker)
{
    app.Logger.LogInformation("Marketplace worker started: background jobs only, no HTTP.");
}

await app.RunAsync();
return 0;

public partial class Program;
