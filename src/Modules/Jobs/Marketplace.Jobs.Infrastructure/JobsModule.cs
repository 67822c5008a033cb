using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Application.Modules;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Companies;
using Marketplace.Jobs.Application.Postings;
using Marketplace.Jobs.Application.Postings.PersonalData;
using Marketplace.Jobs.Contracts;
using Marketplace.Jobs.Infrastructure.Persistence;
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
        ],
        Services = AddServices,
    };

    public static string Name => Descriptor.Name;

    private static void AddServices(IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IPostingRepository, PostingRepository>();
        builder.Services.AddScoped<ICompanyRepository, CompanyRepository>();
        builder.Services.AddScoped<ICompanyInvitations, CompanyInvitations>();
        builder.Services.AddScoped<IPersonalDataSource, JobsPersonalData>();
    }
}
