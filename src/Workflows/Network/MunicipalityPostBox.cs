namespace Workflows.Network;

/// <summary>A municipality's official post box (postmottak), where the annual report and plan are sent.</summary>
/// <param name="Municipality">The municipality's name.</param>
/// <param name="Email">The post box address.</param>
public sealed record MunicipalityPostBox(string Municipality, string Email);
