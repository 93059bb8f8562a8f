import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { PUBLICITY_KIND_LABELS, PublicityKind } from '@hotline/contracts';
import { Authorized, DepartmentRef, requireUser, UserRef } from '@hotline/service-kit';
import { beijingMonth } from '../calendar/working-calendar';
import type { PublicityContext } from '../context';
import { DepartmentProjection } from '../departments/department.entity';
import { page, PageArgs } from '../items/page';
import { PUBLICITY_READ_ROLES, PUBLICITY_ROLES } from '../items/roles';
import { shownText } from '../privacy/public-text';
import { awardPoints } from './award';
import { LedgerEntry } from './ledger-entry.entity';
import { ledgerWorkbook } from './ledger-export';
import { ledgerPage, monthEntries, MonthTotal, monthTotals } from './ledger-queries';

type Ctx = PublicityContext;

@ObjectType('BonusLedgerEntry', { description: '加分台账条目' })
export class LedgerEntryNode {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: '考核月份 YYYY-MM' }) month!: string;
  @Field(() => String, { description: 'typical-case | episode | article' }) itemKind!: PublicityKind;
  @Field(() => ID) itemId!: string;
  @Field(() => String, { description: '事项' }) title!: string;
  @Field(() => Int, { description: '分值' }) points!: number;
  @Field(() => String, { description: '登记人' }) awardedByName!: string;
  @Field(() => Date) awardedAt!: Date;
}

@ObjectType('BonusLedgerPage', { description: '某月加分台账（分页）与当月合计' })
class LedgerPage {
  @Field(() => String) month!: string;
  @Field(() => [LedgerEntryNode]) items!: LedgerEntry[];
  @Field(() => Int, { description: '条目数' }) total!: number;
  @Field(() => Int, { description: '当月合计分值' }) points!: number;
}

@ObjectType('BonusMonthTotal', { description: '月度加分合计' })
class MonthTotalNode {
  @Field(() => String) month!: string;
  @Field(() => Int) points!: number;
  @Field(() => Int) count!: number;
}

@ObjectType('BonusLedgerExport', { description: '加分台账导出文件（.xlsx，Base64）' })
class LedgerExport {
  @Field(() => String) fileName!: string;
  @Field(() => String) contentType!: string;
  @Field(() => String) base64!: string;
}

@InputType('AwardPublicityPointsInput', { description: '登记加分' })
class AwardInput {
  @Field(() => String, { description: 'typical-case 典型案例 | episode 《向前一步》 | article 专栏文章' }) kind!: string;
  @Field(() => ID) itemId!: string;
  @Field(() => Int, { description: '分值（1–100）' }) points!: number;
  @Field(() => String, { nullable: true, description: '考核月份 YYYY-MM，默认本月' }) month?: string;
  @Field(() => String, { description: '加分依据（通报、播出、刊发等）' }) evidence!: string;
  @Field(() => ID, { nullable: true, description: '加分科室' }) departmentId?: string;
}

const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

@Resolver(() => LedgerEntryNode)
export class LedgerResolver {
  @Authorized([...PUBLICITY_ROLES])
  @Mutation(() => LedgerEntryNode, { description: '登记加分（每个事项只能一次）' })
  awardPublicityPoints(@Arg('input', () => AwardInput) input: AwardInput, @Ctx() ctx: Ctx): Promise<LedgerEntry> {
    return awardPoints(ctx.em, ctx.calendar, ctx.stageDays, requireUser(ctx), strip(input));
  }

  @Authorized([...PUBLICITY_READ_ROLES])
  @Query(() => LedgerPage, { description: '某月加分台账（默认本月），分页，含当月合计' })
  async bonusLedger(
    @Arg('month', () => String, { nullable: true }) month: string | null,
    @Args(() => PageArgs) p: PageArgs,
    @Ctx() ctx: Ctx,
  ): Promise<LedgerPage> {
    const m = month ?? beijingMonth(new Date());
    const { offset, limit } = page(p);
    return { month: m, ...(await ledgerPage(ctx.em, m, offset, limit)) };
  }

  @Authorized([...PUBLICITY_READ_ROLES])
  @Query(() => [MonthTotalNode], { description: '各月加分合计（含起止月份）' })
  bonusMonthTotals(@Arg('from', () => String) from: string, @Arg('to', () => String) to: string, @Ctx() ctx: Ctx): Promise<MonthTotal[]> {
    return monthTotals(ctx.em, from, to);
  }

  @Authorized([...PUBLICITY_READ_ROLES])
  @Query(() => LedgerExport, { description: '导出某月加分台账（.xlsx）' })
  async exportBonusLedger(@Arg('month', () => String) month: string, @Ctx() ctx: Ctx): Promise<LedgerExport> {
    const entries = await monthEntries(ctx.em, month);
    const deps = await ctx.em.find(DepartmentProjection, { id: { $in: entries.flatMap((e) => (e.departmentId ? [e.departmentId] : [])) } });
    const names = new Map(deps.map((d) => [d.id, d.name]));
    const buf = await ledgerWorkbook(month, entries, (id) => (id ? (names.get(id) ?? '') : ''));
    return {
      fileName: `加分台账-${month}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: buf.toString('base64'),
    };
  }

  @FieldResolver(() => String, { description: '类别（中文）' })
  kindLabel(@Root() e: LedgerEntry): string {
    return PUBLICITY_KIND_LABELS[e.itemKind];
  }

  @FieldResolver(() => String, { description: '加分依据' })
  evidence(@Root() e: LedgerEntry): string {
    return shownText(e.evidence);
  }

  @FieldResolver(() => DepartmentRef, { nullable: true, description: '加分科室' })
  department(@Root() e: LedgerEntry): DepartmentRef | null {
    return e.departmentId ? { id: e.departmentId } : null;
  }

  @FieldResolver(() => UserRef, { description: '登记人' })
  awardedBy(@Root() e: LedgerEntry): UserRef {
    return { id: e.awardedBy };
  }
}
