namespace Workflows.Durable.Tests.Support;

/// <summary>Lets a lambda that only throws still have a result type, so overloads resolve.</summary>
public static class Throwing
{
    public static T Raise<T>(Exception exception) => throw exception;
}
