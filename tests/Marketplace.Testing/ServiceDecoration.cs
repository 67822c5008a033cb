using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Testing;

public static class ServiceDecoration
{
    /// <summary>Replaces the one registration of <typeparamref name="TService"/> by a wrapper around what it would have made.</summary>
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<TService, TService> decorate)
        where TService : class
    {
        var original = services.Single(d => d.ServiceType == typeof(TService));
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(typeof(TService), provider => decorate(Create<TService>(provider, original)), original.Lifetime));
        return services;
    }

    private static TService Create<TService>(IServiceProvider provider, ServiceDescriptor original)
        where TService : class =>
        (TService)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!));
}
