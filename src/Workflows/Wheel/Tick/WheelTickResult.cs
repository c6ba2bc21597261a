namespace Workflows.Wheel.Tick;

/// <summary>What one tick did.</summary>
/// <param name="Today">The Norwegian day it ran for.</param>
/// <param name="Started">Instance ids it started.</param>
/// <param name="AlreadyStarted">Instance ids that were due and had been started before.</param>
/// <param name="Missed">Instance ids whose invitation day and event both passed without a start (the host was down).</param>
public sealed record WheelTickResult(DateOnly Today, IReadOnlyList<string> Started, IReadOnlyList<string> AlreadyStarted, IReadOnlyList<string> Missed);
