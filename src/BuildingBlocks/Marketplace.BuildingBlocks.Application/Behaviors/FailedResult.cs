using System.Collections.Concurrent;
using System.Reflection;
using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.BuildingBlocks.Application.Behaviors;

/// <summary>Builds a failed <see cref="Result"/> or <see cref="Result{T}"/> when a behaviour only knows the response type.</summary>
public static class FailedResult
{
    private static readonly ConcurrentDictionary<Type, Func<IReadOnlyList<Error>, Result>> Factories = new();

    public static TResponse Of<TResponse>(IReadOnlyList<Error> errors)
        where TResponse : Result =>
        (TResponse)Factories.GetOrAdd(typeof(TResponse), CreateFactory)(errors);

    private static Func<IReadOnlyList<Error>, Result> CreateFactory(Type type)
    {
        if (type == typeof(Result))
        {
            return Result.Failure;
        }

        var failure = type.GetMethod(nameof(Result.Failure), BindingFlags.Public | BindingFlags.Static, [typeof(IReadOnlyList<Error>)])
            ?? throw new InvalidOperationException($"{type} has no Failure(IReadOnlyList<Error>) factory.");
        return errors => (Result)failure.Invoke(null, [errors])!;
    }
}
