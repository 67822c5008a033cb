using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Identity.Contracts;
using Marketplace.Matching.Application.Candidates;
using Marketplace.Matching.Application.Candidates.PersonalData;
using Marketplace.Matching.Application.Digests;
using Marketplace.Matching.Application.Projections;
using Marketplace.Matching.Application.Rematching;
using Marketplace.Matching.Application.Storing;
using Marketplace.Matching.Application.Taxonomy;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Contracts.Taxonomy;
using Marketplace.Matching.Infrastructure.Candidates;
using Marketplace.Matching.Infrastructure.Digests;
using Marketplace.Matching.Infrastructure.Engine;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Matching.Infrastructure.Rematching;
using Marketplace.Matching.Infrastructure.Taxonomy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Matching.Infrastructure;

public static class MatchingModule
{
    public static ModuleDescriptor Descriptor { get; } = new()
    {
        Title = "Matching",
        Schema = MatchingDbContext.SchemaName,
        DbContext = typeof(MatchingDbContext),
        ApiScopes =
        [
            new(CandidatesApi.ReadScope, "Read your company's postings' ranked candidates (anonymous until they apply or accept contact) and the contact requests sent.", Roles.Employer),
            new(CandidatesApi.WriteScope, "Ask your company's postings' candidates to get in touch (the seeker is mailed, and accepts or declines).", Roles.Employer),
        ],
        Services = AddServices,
    };

    public static string Name => Descriptor.Name;

    private static void AddServices(IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(MatchingEngineOptions.Section).Get<MatchingEngineOptions>() ?? new();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<MatchingEngine>();
        builder.Services.AddHostedService<MatchingEngineService>();
        builder.Services.AddHostedService<NightlyRematchScheduler>();
        builder.Services.AddScoped<IProjectionStore, ProjectionStore>();
        builder.Services.AddScoped<IMatchStore, MatchStore>();
        builder.Services.AddScoped<IMatchingFacade, MatchingFacade>();
        builder.Services.AddScoped<IRematchRuns, RematchRuns>();
        builder.Services.AddScoped<FullRematch>();
        builder.Services.AddHostedService<WeeklyDigestScheduler>();
        builder.Services.AddScoped<IMatchDigests, MatchDigests>();
        builder.Services.AddSingleton<IDigestUnsubscribeTokens, DigestUnsubscribeTokens>();
        builder.Services.AddScoped<WeeklyDigestSweep>();
        builder.Services.AddSingleton<TaxonomyCatalog>();
        builder.Services.AddSingleton<ISkillsFacade, SkillsFacade>();
        builder.Services.AddScoped<ITaxonomyOverlay, TaxonomyOverlayStore>();
        builder.Services.AddScoped<IUnknownMentions, UnknownMentionStore>();
        builder.Services.AddScoped<TaxonomyChanges>();
        builder.Services.AddSingleton<UnknownMentionFilter>();
        AddCandidates(builder.Services);
    }

    private static void AddCandidates(IServiceCollection services)
    {
        services.AddScoped<CandidateAccess>();
        services.AddScoped<ICandidateEngine, CandidateEngine>();
        services.AddScoped<ICandidateStore, CandidateStore>();
        services.AddSingleton<ICandidatePseudonymSource, PseudonymSecretSource>();
        services.AddScoped<IPersonalDataSource, ContactRequestsPersonalData>();
    }
}
