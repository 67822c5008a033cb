using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Applications;
using Marketplace.Jobs.Application.Applications.PersonalData;
using Marketplace.Jobs.Application.Applications.Templates;
using Marketplace.Jobs.Application.Companies;
using Marketplace.Jobs.Application.Moderation;
using Marketplace.Jobs.Application.Moderation.Queue;
using Marketplace.Jobs.Application.Postings;
using Marketplace.Jobs.Application.Postings.List;
using Marketplace.Jobs.Application.Postings.Mail;
using Marketplace.Jobs.Application.Postings.PersonalData;
using Marketplace.Jobs.Application.SavedSearches;
using Marketplace.Jobs.Application.Search;
using Marketplace.Jobs.Application.Skills;
using Marketplace.Jobs.Contracts;
using Marketplace.Jobs.Infrastructure.Alerts;
using Marketplace.Jobs.Infrastructure.Persistence;
using Marketplace.Jobs.Infrastructure.Persistence.Applications;
using Marketplace.Jobs.Infrastructure.Search;
using Marketplace.Jobs.Infrastructure.Search.Index;
using Marketplace.Jobs.Infrastructure.Skills;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Jobs.Infrastructure;

public static class JobsModule
{
    public static ModuleDescriptor Descriptor { get; } = new()
    {
        Title = "Jobs",
        Schema = JobsDbContext.SchemaName,
        DbContext = typeof(JobsDbContext),
        ApiScopes =
        [
            new(ApiScopes.JobsRead, "Read job postings."),
            new(ApiScopes.JobsWrite, "Publish and edit your company's job postings.", Roles.Employer),
            new(ApiScopes.ApplicationsRead, "Read the applications to your company's postings.", Roles.Employer),
            new(ApplicationsApi.WriteScope, "Move the applications to your company's postings through its pipeline.", Roles.Employer),
        ],
        Services = AddServices,
    };

    public static string Name => Descriptor.Name;

    /// <summary>Which search answers: the in-process index (the default) or "PostgreSql".</summary>
    public const string SearchEngineSetting = "Jobs:Search:Engine";

    private static void AddServices(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ISkillTaxonomy, SharedSkillTaxonomy>();
        services.AddSingleton<SkillCatalog>();
        services.AddScoped<PostingAccess>();
        services.AddScoped<IPostingRepository, PostingRepository>();
        services.AddScoped<ReportRepository>();
        services.AddScoped<IReportRepository>(sp => sp.GetRequiredService<ReportRepository>());
        services.AddScoped<IModerationReads>(sp => sp.GetRequiredService<ReportRepository>());
        AddApplications(services);
        services.AddScoped<PostgresPostingSearch>();
        services.AddSingleton<PostingSearchIndex>();
        // "PostgreSql" searches with the SQL alone (what the index answers like; the tests compare the two).
        if (string.Equals(builder.Configuration[SearchEngineSetting], "PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            services.AddScoped<IPostingSearch>(sp => sp.GetRequiredService<PostgresPostingSearch>());
        }
        else
        {
            services.AddScoped<IPostingSearch, IndexedPostingSearch>();
        }
        services.AddSingleton<JobsLinks>();
        services.AddScoped<PostingMail>();
        services.AddScoped<ISavedSearchRepository, SavedSearchRepository>();
        services.AddSingleton<IUnsubscribeTokens, UnsubscribeTokens>();
        services.AddScoped<IAnnouncements, Announcements>();
        services.AddSingleton<PendingAlertSweep>();
        services.AddScoped<IAlertSweepTrigger, HangfireAlertSweepTrigger>();
        services.AddScoped<JobsSweeps>();
        services.AddHostedService<JobsSweepScheduler>();
        services.AddScoped<ICompanyRepository, CompanyRepository>();
        services.AddScoped<ICompanyInvitations, CompanyInvitations>();
        services.AddScoped<IPostingDirectory, Application.Postings.Get.PostingDirectory>();
        services.AddScoped<ICompanyPostings, Application.Postings.Get.CompanyPostings>();
        services.AddScoped<IPersonalDataSource, JobsPersonalData>();
    }

    private static void AddApplications(IServiceCollection services)
    {
        services.AddScoped<ApplicationRepository>();
        services.AddScoped<IApplicationRepository>(sp => sp.GetRequiredService<ApplicationRepository>());
        services.AddScoped<IApplicantCounts>(sp => sp.GetRequiredService<ApplicationRepository>());
        services.AddScoped<PipelineAccess>();
        services.AddScoped<RejectionReasonOwner>();
        services.AddScoped<IPersonalDataSource, ApplicationsPersonalData>();
    }
}
