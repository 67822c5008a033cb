using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Companies;
using Marketplace.Jobs.Application.Companies.ForgetMember;
using Marketplace.Jobs.Application.Companies.Register;
using Marketplace.Jobs.Application.Postings.ForgetEmployer;
using Marketplace.Jobs.Contracts;
using Marketplace.Jobs.Application.Postings;
using Marketplace.Jobs.Application.Postings.PersonalData;
using Marketplace.Jobs.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Jobs.Infrastructure;

public static class JobsModule
{
    public const string Name = "jobs";

    public static WebApplicationBuilder AddJobsModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddModule<JobsDbContext>(Name, JobsDbContext.SchemaName, typeof(IPostingRepository).Assembly);
        builder.Services.AddScoped<IPostingRepository, PostingRepository>();
        builder.Services.AddScoped<IIntegrationEventHandler<UserDeleted>, ForgetDeletedEmployer>();
        builder.Services.AddScoped<ICompanyRepository, CompanyRepository>();
        builder.Services.AddScoped<ICompanyInvitations, CompanyInvitations>();
        builder.Services.AddScoped<IIntegrationEventHandler<EmployerRegistered>, SetUpEmployerCompany>();
        builder.Services.AddScoped<IIntegrationEventHandler<UserDeleted>, ForgetDeletedMember>();
        builder.Services.AddScoped<IPersonalDataSource, JobsPersonalData>();
        return builder;
    }
}
