@description('Storage account name: 3 to 24 lowercase letters and digits.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region for the storage account.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Task hub name: DurableTask.AzureStorage prefixes its tables, queues and containers with it (and creates them itself at start); the wake-up queue is named after it.')
param taskHub string

@description('Days a signed document stays immutable (write once, read many) after it is written.')
@minValue(1)
param signedDocumentRetentionDays int

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: 30 }
    containerDeleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

@description('Working documents (welcome letters, drafts).')
resource documents 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: 'documents'
  properties: { publicAccess: 'None' }
}

@description('Signed function descriptions: never overwritten or deleted while the policy holds.')
resource signed 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: 'signed-documents'
  properties: { publicAccess: 'None' }
}

resource signedPolicy 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = {
  parent: signed
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: signedDocumentRetentionDays
    allowProtectedAppendWrites: false
  }
}

@description('Published annual reports, readable by anyone with the link.')
resource published 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: 'published-reports'
  properties: { publicAccess: 'Blob' }
}

@description('Flex Consumption deployment packages.')
resource deployments 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: 'deployments'
  properties: { publicAccess: 'None' }
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

@description('The network registry: networks, areas, units, nurses, their audit trail and once-only keys.')
resource registryTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tables
  name: 'Registry'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

@description('Notices of due durable timers, each visible when its timer falls due: the queue trigger that wakes the app reads it.')
resource wakeUpQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queues
  name: '${taskHub}-wakeup'
}

@description('Where the Functions host moves a notice whose delivery failed five times.')
resource wakeUpPoisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queues
  name: '${taskHub}-wakeup-poison'
}

@description('Storage account name.')
output name string = account.name

@description('Blob endpoint, e.g. https://<name>.blob.core.windows.net/.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Name of the wake-up queue (the queue trigger listens to it).')
output wakeUpQueueName string = wakeUpQueue.name

@description('Container for Flex Consumption deployment packages.')
output deploymentContainer string = deployments.name

@description('Name of the registry table.')
output registryTable string = registryTable.name

@description('Names of the wake-up queues and the document containers, for reference. DurableTask.AzureStorage\'s own tables ({taskHub}Instances, {taskHub}History), queues ({taskHub}-control-NN, {taskHub}-workitems) and containers ({taskHub}-leases, {taskHub}-largemessages) are created by the provider at start.')
output resourceNames object = {
  wakeUpPoisonQueue: wakeUpPoisonQueue.name
  documents: documents.name
  signedDocuments: signed.name
  publishedReports: published.name
}
