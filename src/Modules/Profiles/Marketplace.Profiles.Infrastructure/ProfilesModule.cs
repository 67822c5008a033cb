using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Application.Modules;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Identity.Contracts;
using Marketplace.Profiles.Application.Import;
using Marketplace.Profiles.Application.Profiles;
using Marketplace.Profiles.Application.Profiles.Applicants;
using Marketplace.Profiles.Application.Profiles.PersonalData;
using Marketplace.Profiles.Application.Taxonomy;
using Marketplace.Profiles.Contracts;
using Marketplace.Profiles.Infrastructure.Import;
using Marketplace.Profiles.Infrastructure.Persistence;
using Marketplace.Profiles.Infrastructure.Taxonomy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Profiles.Infrastructure;

public static class ProfilesModule
{
    public static ModuleDescriptor Descriptor { get; } = new()
    {
        Title = "Profiles",
        Schema = ProfilesDbContext.SchemaName,
        DbContext = typeof(ProfilesDbContext),
        ApiScopes = [new(ProfileApi.Scope, "Read and change your own skills profile.", Roles.JobSeeker)],
        Services = AddServices,
    };

    public static string Name => Descriptor.Name;

    private static void AddServices(IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IProfileRepository, ProfileRepository>();
        // Taxonomy questions go through the module's own port; the matching module will answer them later.
        builder.Services.AddScoped<ITaxonomy, SkillsLibraryTaxonomy>();
        builder.Services.AddSingleton<ICvTextReader, CvTextReader>();
        builder.Services.AddSingleton<ICvReadingQuota, CvReadingQuota>();
        builder.Services.AddScoped<IPersonalDataSource, ProfilesPersonalData>();
        builder.Services.AddScoped<IApplicantProfiles, ApplicantProfiles>();
        builder.Services.AddScoped<ISeekerProfiles, Application.Profiles.Get.SeekerProfiles>();
    }
}
