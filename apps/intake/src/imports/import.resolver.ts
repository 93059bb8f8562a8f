import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Authorized } from '@hotline/service-kit';
import { codedError, isUuid, requireUser, ServiceContext } from '@hotline/service-kit';
import { DISTRICT_EXPORT_HEADERS, type ImportField } from '@hotline/contracts';
import { ImportJob, ImportMapping } from './import-job.entity';
import { saveMapping } from './imports';
import { INTAKE_ERRORS } from '@hotline/contracts';

@InputType({ description: '列映射：字段 → 文件中的列名' })
class ImportColumnInput {
  @Field(() => String, { description: `字段：${Object.keys(DISTRICT_EXPORT_HEADERS).join(' ')}` }) field!: ImportField;
  @Field(() => String, { description: '文件中的列名' }) header!: string;
}

@Resolver(() => ImportMapping)
export class ImportResolver {
  /** 导入进度 (the client polls this while a job runs). */
  @Authorized(['duty', 'admin'])
  @Query(() => ImportJob, { description: '导入任务（进度、结果、错误）' })
  async importJob(@Arg('id', () => ID) id: string, @Ctx() ctx: ServiceContext): Promise<ImportJob> {
    const job = isUuid(id) ? await ctx.em.findOne(ImportJob, { id }) : null;
    if (!job) throw codedError(INTAKE_ERRORS.IMPORT_NOT_FOUND);
    return job;
  }

  @Authorized(['duty', 'admin'])
  @Query(() => [ImportJob], { description: '最近的导入任务' })
  importJobs(@Arg('limit', () => Int, { defaultValue: 20 }) limit: number, @Ctx() ctx: ServiceContext): Promise<ImportJob[]> {
    return ctx.em.find(ImportJob, {}, { orderBy: { createdAt: 'desc' }, limit: Math.min(Math.max(limit, 1), 200) });
  }

  @Authorized(['duty', 'admin'])
  @Query(() => [ImportMapping], { description: '已保存的列映射' })
  importMappings(@Ctx() ctx: ServiceContext): Promise<ImportMapping[]> {
    return ctx.em.find(ImportMapping, {}, { orderBy: { name: 'asc' } });
  }

  @Authorized(['duty', 'admin'])
  @Mutation(() => ImportMapping, { description: '保存列映射（同名覆盖）；未映射的字段使用区平台标准列名' })
  saveImportMapping(
    @Arg('name', () => String) name: string,
    @Arg('columns', () => [ImportColumnInput]) columns: ImportColumnInput[],
    @Ctx() ctx: ServiceContext,
  ): Promise<ImportMapping> {
    return saveMapping(ctx.em, requireUser(ctx), { name, columns });
  }
}
