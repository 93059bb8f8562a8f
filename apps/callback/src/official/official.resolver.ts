import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Authorized, requireUser } from '@hotline/service-kit';
import type { CallbackContext } from '../context';
import { ImportReportNode } from '../graphql-types';
import { importOfficialResults } from './import-official';

@Resolver()
export class OfficialResolver {
  @Authorized(['callback', 'supervisor', 'admin'])
  @Mutation(() => ImportReportNode, { description: '导入区级平台回访结果（.xlsx/.csv，按工单编号匹配，可重复导入；有错误行时不写入任何数据）' })
  importOfficialCallbacks(
    @Arg('fileName', () => String) fileName: string,
    @Arg('contentBase64', () => String) contentBase64: string,
    @Ctx() ctx: CallbackContext,
  ): Promise<ImportReportNode> {
    return importOfficialResults(ctx.em, requireUser(ctx), { fileName, contentBase64 });
  }
}
