@description('Name prefix for the Log Analytics workspace and Application Insights.')
param name string

@description('Azure region for monitoring resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Days to keep logs.')
@minValue(30)
param retentionInDays int = 90

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

@description('Application Insights resource name, for role assignments.')
output insightsName string = insights.name

@description('Connection string the app sends telemetry with (not a secret: ingestion needs Entra auth here).')
output connectionString string = insights.properties.ConnectionString
