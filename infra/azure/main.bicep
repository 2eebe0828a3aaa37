// The Azure Bot resource for Ledgerline's billing bot: a single-tenant registration of the Entra ID
// app the bot signs in as, its messaging endpoint on Ledgerline's server, and the Microsoft Teams
// channel. Deploy into a resource group:
//   az deployment group create -g <group> -f infra/azure/main.bicep -p infra/azure/main.parameters.json

@description('Name of the Azure Bot resource (2 to 64 letters, digits, hyphens, underscores or periods; unique in Azure).')
@minLength(2)
@maxLength(64)
param botName string

@description('Name shown for the bot in Teams.')
param displayName string = 'Ledgerline'

@description('Application (client) id of the Entra ID app the bot signs in as: LEDGERLINE_BOT_APP_ID.')
param botAppId string

@description('Directory (tenant) id of your organization: LEDGERLINE_BOT_TENANT_ID (or LEDGERLINE_TENANT_ID).')
param tenantId string = subscription().tenantId

@description('Public host name of Ledgerline\'s server, behind HTTPS (e.g. ledgerline.contoso.com).')
param host string

@description('F0 (free, standard channels such as Teams are not metered) or S1.')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${host}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

@description('The messaging endpoint the Bot Connector calls.')
output endpoint string = bot.properties.endpoint
